using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>
/// -Name as PowerShell users expect it: case-insensitive, with wildcards (Get-LoyaltyWebsite -Name 'Main*'). A plain name
/// can also be handed to an API that filters by name; a pattern is applied here, to the listing as it streams.
/// </summary>
internal sealed class NameFilter
{
    private readonly WildcardPattern? _pattern;

    public NameFilter(string? name)
    {
        Name = name;
        IsPattern = name is not null && WildcardPattern.ContainsWildcardCharacters(name);
        _pattern = name is null ? null : WildcardPattern.Get(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
    }

    public string? Name { get; }

    /// <summary>True when -Name holds wildcards, so no API name filter can apply and every page must be read.</summary>
    public bool IsPattern { get; }

    /// <summary>The name to send to an API that filters by exact name, or null when this filter is a pattern (or absent).</summary>
    public string? ExactName => IsPattern ? null : Name;

    public bool Matches(string? name) => _pattern is null || _pattern.IsMatch(name ?? string.Empty);

    /// <summary>The items of <paramref name="source"/> whose name matches, as they arrive.</summary>
    public async IAsyncEnumerable<T> Apply<T>(IAsyncEnumerable<T> source, Func<T, string?> nameOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (Matches(nameOf(item))) yield return item;
        }
    }
}
