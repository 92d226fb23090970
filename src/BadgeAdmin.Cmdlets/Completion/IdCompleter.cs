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
/// Tab completion from what the connection has already read (entries, badges, websites, users): every match, in
/// alphabetical order of name. When it has read none of the kind yet, one bounded request fetches a first page: at
/// most <see cref="Budget"/>, and Tab never shows an error.
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
            var results = new List<CompletionResult>();
            var offered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in Candidates(connection, wordToComplete, fakeBoundParameters)
                         .OrderBy(c => c.Name is null ? 1 : 0).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id))
            {
                if (ToResult(item) is { } result && offered.Add(result.CompletionText)) results.Add(result);
            }

            return results;
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>(); // completion must never fail in the user's face
        }
    }

    /// <summary>Matching items, most recently seen first; primes the cache with one bounded request when it is empty.</summary>
    internal IReadOnlyList<(Guid Id, string? Name)> Candidates(BadgeAdminConnection? connection, string? word, IDictionary? bound)
    {
        if (connection is null || connection.IsDisposed) return Array.Empty<(Guid, string?)>();
        var kind = KindFor(bound);
        if (!connection.Seen.Any(kind))
        {
            using var budget = new CancellationTokenSource(Budget);
            var prime = Task.Run(() => PrimeAsync(connection, bound, budget.Token), budget.Token);
            try
            {
                prime.Wait(Budget);
            }
            catch (AggregateException)
            {
                // A failed or cancelled first page leaves nothing to offer; that is all.
            }
        }

        return connection.Seen.Match(kind, word);
    }

    /// <summary>The id as text, listed as "name (id)".</summary>
    private protected virtual CompletionResult? ToResult((Guid Id, string? Name) item) =>
        new(item.Id.ToString(), item.Name is null ? item.Id.ToString() : $"{item.Name} ({item.Id})", CompletionResultType.ParameterValue, item.Name ?? item.Id.ToString());

    /// <summary>The kind name under which the client remembers what it reads (it may depend on other parameters typed).</summary>
    private protected abstract string KindFor(IDictionary? bound);

    private protected abstract BadgeAdminConnection? Current(RunspaceConnections connections);

    /// <summary>The value as this completer's kind of connection, or null.</summary>
    private protected abstract BadgeAdminConnection? Accept(object? value);

    /// <summary>Reads up to <see cref="PrimeCount"/> items, which the client remembers as it reads them.</summary>
    private protected abstract Task PrimeAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken);

    /// <summary>A Guid typed for another parameter (as a Guid, a string or a piped object's Id), or null.</summary>
    private protected static Guid? BoundGuid(IDictionary? bound, string name)
    {
        var value = bound?[name];
        value = (value as PSObject)?.BaseObject ?? value;
        return value switch
        {
            Guid id => id,
            string text when Guid.TryParse(text.Trim('\'', '"'), out var id) => id,
            _ => null,
        };
    }

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

    /// <summary>Text as one PowerShell argument: quoted when it holds anything the parser would split on.</summary>
    private protected static string AsArgument(string text) =>
        text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? text : "'" + text.Replace("'", "''") + "'";
}
