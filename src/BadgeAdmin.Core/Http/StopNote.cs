using System;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// The sentence that says why a call stopped where it did: a connection limit it reached (<see cref="Limit"/>), or a
/// wait the server asked for that could not be honoured. The limit's name is left for the reader to give: Core names
/// the <see cref="ConnectionSettings"/> property, the cmdlet layer the Connect parameter that sets it.
/// </summary>
public sealed class StopNote
{
    private readonly Func<string, string> _sentence;

    private StopNote(ConnectionLimit? limit, Func<string, string> sentence)
    {
        Limit = limit;
        _sentence = sentence;
    }

    /// <summary>The limit that was reached; null when no limit of the connection's was the reason.</summary>
    public ConnectionLimit? Limit { get; }

    /// <summary>The sentence, naming the limit as <paramref name="limitName"/> (ignored when <see cref="Limit"/> is null).</summary>
    public string Describe(string limitName) => _sentence(limitName);

    /// <summary>The sentence naming the limit by its <see cref="ConnectionSettings"/> property.</summary>
    public override string ToString() => Describe(Limit?.ToString() ?? string.Empty);

    internal static StopNote RetriesUsed(int sent, int maxRetries) =>
        new(ConnectionLimit.MaxRetries, name => $"It was sent {sent} times in all ({name} {maxRetries}).");

    internal static StopNote WaitOverBudget(TimeSpan asked, TimeSpan waited, TimeSpan budget)
    {
        var after = waited > TimeSpan.Zero ? $" after {SecondsText.Format(waited)} of waiting" : string.Empty;
        return new(ConnectionLimit.MaxRetryWait,
            name => $"The server asked to wait {SecondsText.Format(asked)}, which{after} is over the {SecondsText.Format(budget)} retry wait budget ({name}), so it was not waited.");
    }

    internal static StopNote BudgetSpent(TimeSpan waited, TimeSpan budget) =>
        new(ConnectionLimit.MaxRetryWait, name => $"It waited {SecondsText.Format(waited)} in all, the retry wait budget ({name} {SecondsText.Format(budget)}).");

    internal static StopNote TooLarge(string method, string path, int status, string limit) =>
        new(ConnectionLimit.MaxResponseBytes, name => $"{method} {path} answered {status} with a body larger than the {limit} limit ({name}); it was not read further.");

    internal static StopNote UnusableWait(string? stated) =>
        new(null, _ => $"The server asked for a wait that cannot be honoured ({stated}), so it was not waited.");
}
