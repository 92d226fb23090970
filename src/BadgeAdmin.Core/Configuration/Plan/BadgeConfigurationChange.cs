using System;
using System.Collections.Generic;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>
/// One difference between a configuration file and a service, as Compare-BadgeConfiguration writes it and
/// Sync-BadgeConfiguration applies it: what (<see cref="Kind"/>, <see cref="Target"/>, <see cref="Id"/>), what is done
/// about it (<see cref="Action"/>), each property's value before and after, and the request that does it.
/// </summary>
public sealed class BadgeConfigurationChange
{
    /// <summary>PartnerPage or Snag.</summary>
    public string Service { get; init; } = string.Empty;

    /// <summary>DirectoryBadge, EntryBadge or LoyaltyBadge (see <see cref="ChangeKinds"/>).</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>Create, Update, Delete, Replace, Attach, Detach or Reorder (see <see cref="ChangeActions"/>).</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>The item as a person knows it: "Acme Cloud / Gold Partner", "Main Website / Gold Badge".</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>
    /// The item's id on the server: the directory or loyalty badge, or the badge on the entry. Empty for an item still
    /// to be created; Sync-BadgeConfiguration -PassThru fills it with the new id.
    /// </summary>
    public Guid? Id { get; internal set; }

    /// <summary>The badge's name (the file's, or the server's for an item the file does not name).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Each property that changes, with its value on the server (Before) and in the file (After).</summary>
    public IReadOnlyList<PropertyChange> Changes { get; init; } = Array.Empty<PropertyChange>();

    /// <summary>The HTTP method of the request this change sends (of the first, for a Replace: the create).</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>The path of the request this change sends (of the first, for a Replace: the create).</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>Every request this change sends, as "METHOD /path", in order (a Replace sends two: the create, then the delete).</summary>
    public IReadOnlyList<string> Requests { get; init; } = Array.Empty<string>();

    /// <summary>The directory (PartnerPage) or website (Snag) the item belongs to.</summary>
    public string Scope { get; init; } = string.Empty;

    public Guid? ScopeId { get; init; }

    /// <summary>For an entry badge: the partner entry.</summary>
    public Guid? EntryId { get; init; }

    /// <summary>The line of the item in the file; empty for an item on the server that the file does not name.</summary>
    public int? Line { get; init; }

    /// <summary>For a loyalty badge deleted or replaced: how many users hold it (they stay with the old badge).</summary>
    public int? Holders { get; init; }

    /// <summary>What a reviewer should know beyond the properties (why a Replace, what a Delete takes with it).</summary>
    public string? Note { get; init; }

    /// <summary>
    /// For a Delete that finishes a replace an earlier sync began (it created the new badge, then could not delete the
    /// old one): the new badge, which already has the file's conditions. Sync sends it only with -AllowReplace.
    /// </summary>
    public Guid? ReplacedBy { get; init; }

    /// <summary>The plan symbol: + create or attach, ~ update or reorder, - delete or detach, -/+ replace.</summary>
    public string Symbol => ChangeActions.SymbolOf(Action);

    public override string ToString() => $"{Symbol} {Kind} {Target}";

    internal static string RequestLine(ApiRoute route, string path) => route.Method + " /" + path;
}
