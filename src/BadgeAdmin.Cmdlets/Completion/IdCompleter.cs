using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Connections;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// Tab completion of ids from what the connection has already read (entries, websites, badges). When it has read none
/// yet, one bounded request fetches a first page: at most <see cref="Budget"/>, and Tab never shows an error.
/// </summary>
/// <remarks>Not generic over the connection type: exported types must not derive from BadgeAdmin.Core types (see ModuleLifecycle).</remarks>
public abstract class IdCompleter : IArgumentCompleter
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    internal const int PrimeCount = 100;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var given = fakeBoundParameters?["Connection"];
            var connection = Accept((given as PSObject)?.BaseObject ?? given) ?? Current(ConnectionRegistry.ForCurrentRunspace());
            return Candidates(connection, wordToComplete)
                .Select(c => new CompletionResult(c.Id.ToString(), c.Name is null ? c.Id.ToString() : $"{c.Name} ({c.Id})", CompletionResultType.ParameterValue, c.Name ?? c.Id.ToString()))
                .ToList();
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>(); // completion must never fail in the user's face
        }
    }

    /// <summary>Matching ids, most recently seen first; primes the cache with one bounded request when it is empty.</summary>
    internal IReadOnlyList<(Guid Id, string? Name)> Candidates(BadgeAdminConnection? connection, string? word)
    {
        if (connection is null || connection.IsDisposed) return Array.Empty<(Guid, string?)>();
        if (!connection.Seen.Any(Kind))
        {
            using var budget = new CancellationTokenSource(Budget);
            var prime = Task.Run(() => PrimeAsync(connection, budget.Token), budget.Token);
            try
            {
                prime.Wait(Budget);
            }
            catch (AggregateException)
            {
                // A failed or cancelled first page leaves nothing to offer; that is all.
            }
        }

        return connection.Seen.Match(Kind, word);
    }

    /// <summary>The kind name under which the client remembers what it reads.</summary>
    private protected abstract string Kind { get; }

    private protected abstract BadgeAdminConnection? Current(RunspaceConnections connections);

    /// <summary>The value as this completer's kind of connection, or null.</summary>
    private protected abstract BadgeAdminConnection? Accept(object? value);

    /// <summary>Reads up to <see cref="PrimeCount"/> items, which the client remembers as it reads them.</summary>
    private protected abstract Task PrimeAsync(BadgeAdminConnection connection, CancellationToken cancellationToken);

    private protected static async Task ReadSome<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var read = 0;
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (read++ < PrimeCount && await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
