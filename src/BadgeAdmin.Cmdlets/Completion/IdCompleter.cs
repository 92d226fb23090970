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
/// Tab completion from what the connection has read (entries, badges, websites, users): every item whose id or name
/// starts with the word typed ('*' stands for any text), in alphabetical order of name. What was read may be
/// incomplete (Get-PartnerEntry -First 2 reads 2 of 12): unless the listing the completion draws from was read to its
/// end within <see cref="TrustedFor"/>, Tab reads it from the server first, for at most <see cref="Budget"/>, and
/// offers what it has by then. Tab never shows an error.
/// </summary>
/// <remarks>
/// What PSReadLine puts on the line decides the texts: one match is inserted whole; of several, the common prefix of
/// their completion texts, or when that is empty, the common prefix of their list texts (a list "Gold Badge 2490
/// (…)", "Gold Badge 2480 (…)" made the line "-Id Gold Badge 24"). So an id's list text starts with the id, whose
/// prefix is the completion texts' own, and values that need quoting are quoted only when they are the one match
/// (see <see cref="ArgumentText"/>). Not generic over the connection type: exported types must not derive from
/// BadgeAdmin.Core types (see ModuleLifecycle).
/// </remarks>
public abstract class IdCompleter : IArgumentCompleter
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>How long a listing read to its end counts as whole; after that Tab reads it again (others may have added to it).</summary>
    public static readonly TimeSpan TrustedFor = TimeSpan.FromSeconds(60);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var given = fakeBoundParameters?["Connection"];
            var connection = Accept((given as PSObject)?.BaseObject ?? given) ?? Current(ConnectionRegistry.ForCurrentRunspace());
            var offers = new List<(string Value, string ListItem, string ToolTip)>();
            var offered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in Candidates(connection, ArgumentText.Unescaped(wordToComplete), fakeBoundParameters)
                         .OrderBy(c => c.Name is null ? 1 : 0).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id))
            {
                if (ToOffer(item) is { } offer && offered.Add(offer.Value)) offers.Add(offer);
            }

            Func<string, string> write = offers.Count == 1 ? ArgumentText.Quoted : ArgumentText.Escaped;
            return offers.Select(o => new CompletionResult(write(o.Value), o.ListItem, CompletionResultType.ParameterValue, o.ToolTip)).ToList();
        }
        catch (Exception)
        {
            return Array.Empty<CompletionResult>(); // completion must never fail in the user's face
        }
    }

    /// <summary>Matching items, most recently seen first; reads the listing first when what was read may be incomplete.</summary>
    internal IReadOnlyList<(Guid Id, string? Name)> Candidates(BadgeAdminConnection? connection, string? word, IDictionary? bound)
    {
        if (connection is null || connection.IsDisposed) return Array.Empty<(Guid, string?)>();
        if (!IsWhole(connection, bound))
        {
            using var budget = new CancellationTokenSource(Budget);
            var read = Task.Run(() => ReadListingAsync(connection, bound, budget.Token), budget.Token);
            try
            {
                read.Wait(Budget);
            }
            catch (AggregateException)
            {
                // A failed or cancelled read leaves what was read before it; that is all.
            }
        }

        return connection.Seen.Match(KindFor(connection, bound), word);
    }

    /// <summary>
    /// What Tab offers for an item, or null for none: the value (written as an argument when offered), its line in the
    /// list of matches, and its tooltip. Here the id, listed as "id name", with the name as the tooltip.
    /// </summary>
    private protected virtual (string Value, string ListItem, string ToolTip)? ToOffer((Guid Id, string? Name) item)
    {
        var id = item.Id.ToString();
        return (id, item.Name is null ? id : $"{id} {item.Name}", item.Name ?? id);
    }

    /// <summary>The kind name under which the client remembers what it reads (it may depend on other parameters typed).</summary>
    private protected abstract string KindFor(BadgeAdminConnection connection, IDictionary? bound);

    /// <summary>True when the listing the completion draws from was read to its end lately (the client notes that).</summary>
    private protected virtual bool IsWhole(BadgeAdminConnection connection, IDictionary? bound) =>
        connection.Seen.IsComplete(KindFor(connection, bound), TrustedFor);

    private protected abstract BadgeAdminConnection? Current(RunspaceConnections connections);

    /// <summary>The value as this completer's kind of connection, or null.</summary>
    private protected abstract BadgeAdminConnection? Accept(object? value);

    /// <summary>Reads the listing the completion draws from, to its end, through <see cref="CompletionMemory"/>, which remembers each item.</summary>
    private protected abstract Task ReadListingAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken);

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

    /// <summary>Reads every item of a listing made with the completion's token (its <see cref="CompletionMemory"/> records each and notes the end).</summary>
    private protected static async Task ReadAll<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items.ConfigureAwait(false))
        {
        }
    }

    /// <summary>
    /// For items listed per parent (an entry's badges, a directory's badges) with no parent typed: whole when the
    /// parents were read whole lately, and the items of each of them.
    /// </summary>
    private protected static bool IsWholeUnderEveryParent(RecentlySeen seen, string parentKind, string kind)
    {
        if (!seen.IsComplete(parentKind, TrustedFor)) return false;
        foreach (var (parentId, _) in seen.Match(parentKind, null))
        {
            if (!seen.IsComplete(RecentlySeen.Within(kind, parentId), TrustedFor)) return false;
        }

        return true;
    }

    /// <summary>
    /// Reads the items of <paramref name="parent"/>, or with none, of every parent <paramref name="parents"/> lists.
    /// The completion budget bounds the whole walk; what was read before it ran out is offered.
    /// </summary>
    private protected static async Task ReadUnder<TParent, TItem>(Guid? parent, IAsyncEnumerable<TParent> parents, Func<TParent, Guid> idOf,
        Func<Guid, IAsyncEnumerable<TItem>> itemsOf)
    {
        var ids = new List<Guid>();
        if (parent is { } given)
        {
            ids.Add(given);
        }
        else
        {
            await foreach (var listed in parents.ConfigureAwait(false)) ids.Add(idOf(listed));
        }

        foreach (var id in ids) await ReadAll(itemsOf(id)).ConfigureAwait(false);
    }
}
