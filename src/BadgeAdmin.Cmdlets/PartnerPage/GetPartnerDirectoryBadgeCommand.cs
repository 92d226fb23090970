using System;
using System.Collections.Generic;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommon.Get, "PartnerDirectoryBadge", SupportsPaging = true, HelpUri = OnlineHelp.Pages + "Get-PartnerDirectoryBadge.md")]
[OutputType(typeof(PartnerDirectoryBadge))]
public sealed class GetPartnerDirectoryBadgeCommand : PartnerPageCmdlet
{
    /// <summary>
    /// Directory badge ids to get: piped ids by value, the Id of piped badges (directory or entry badges) or CSV rows by
    /// name. Without it, every badge of the directory is listed.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PartnerDirectoryBadgeIdCompleter))]
    public Guid[]? Id { get; set; }

    /// <summary>Only badges with this name; wildcards allowed ('Gold*'), any casing. Applies to the listing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? Name { get; set; }

    /// <summary>The directory; defaults to the connection's. Binds from a DirectoryId property (piped badges, CSV rows).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerDirectoryIdCompleter))]
    public Guid? DirectoryId { get; set; }

    /// <summary>A directory from Get-PartnerDirectory, whose badges to list (Get-PartnerDirectory | Get-PartnerDirectoryBadge).</summary>
    [Parameter(ValueFromPipeline = true)]
    public PartnerDirectory? Directory { get; set; }

    private long _total;
    private bool _totalKnown = true;
    private List<PartnerDirectory>? _directories;
    private Dictionary<Guid, PartnerDirectoryBadge>? _everyBadge;

    private protected override void OnRecord()
    {
        // A piped directory also offers its Id by name, which is the directory's, not a badge's: the directory wins.
        var listing = Id is null || Directory is not null;
        var directoryId = Directory?.Id ?? DirectoryId ?? DefaultDirectoryId;
        if (listing)
        {
            if (directoryId is { } one)
            {
                ListDirectory(one);
                return;
            }

            // No directory given or set: the badges of every directory the key sees, each carrying its DirectoryId.
            foreach (var directory in EveryDirectory()) ListDirectory(directory.Id);
            return;
        }

        _total += Id!.Length;
        foreach (var id in Id)
        {
            var more = true;
            if (directoryId is { } known)
            {
                ForItem(id, ErrorIds.PartnerDirectoryBadgeNotFound, () => more = Output.TryWrite(Seen.Read(Await(token => Client.GetDirectoryBadgeAsync(known, id, token)))),
                    Names.PartnerDirectoryBadge(known, id));
            }
            else if (EveryBadge().TryGetValue(id, out var badge))
            {
                more = Output.TryWrite(badge);
            }
            else
            {
                WriteError(new CmdletError(
                    new KeyNotFoundException($"{ItemNames.Subject(Names.PartnerBadge(id), InputRow)}: no directory this key sees defines it."),
                    ErrorIds.PartnerDirectoryBadgeNotFound, ErrorCategory.ObjectNotFound, id));
            }

            if (!more) break;
        }
    }

    private protected override void OnEnd() => Output.WriteTotalCountIfAsked(_totalKnown ? _total : null);

    private void ListDirectory(Guid directoryId)
    {
        var counted = false;
        ForItem(directoryId, ErrorIds.PartnerDirectoryNotFound, () => Output.Write(Name is null
            ? Seen.DirectoryBadges(directoryId, Client.ListDirectoryBadgesAsync(directoryId, count => (_total, counted) = (_total + count, true), CancelToken))
            : new NameFilter(Name).Apply(Seen.DirectoryBadges(directoryId, Client.ListDirectoryBadgesAsync(directoryId, null, CancelToken)), b => b.Name, CancelToken)),
            Names.PartnerDirectory(directoryId));
        _totalKnown &= counted;
    }

    /// <summary>The directories the key sees, listed once per invocation.</summary>
    private List<PartnerDirectory> EveryDirectory()
    {
        if (_directories is not null) return _directories;
        var directories = new List<PartnerDirectory>();
        ForItem("PartnerDirectory list", ErrorIds.PartnerDirectoryNotFound, () => Stream(Seen.Directories(Client.ListDirectoriesAsync(null, CancelToken)), directories.Add));
        return _directories = directories;
    }

    /// <summary>Every badge of every directory the key sees, by id, read once per invocation (for -Id with no directory).</summary>
    private Dictionary<Guid, PartnerDirectoryBadge> EveryBadge()
    {
        if (_everyBadge is not null) return _everyBadge;
        var badges = new Dictionary<Guid, PartnerDirectoryBadge>();
        foreach (var directory in EveryDirectory())
        {
            ForItem(directory.Id, ErrorIds.PartnerDirectoryNotFound, () => Stream(Seen.DirectoryBadges(directory.Id, Client.ListDirectoryBadgesAsync(directory.Id, null, CancelToken)), b => badges[b.Id] = b),
                Names.PartnerDirectory(directory.Id));
        }

        return _everyBadge = badges;
    }
}
