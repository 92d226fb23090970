using System;
using System.Collections.Generic;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Runtime;

namespace BadgeAdmin.Cmdlets.Paging;

/// <summary>
/// The output of a cmdlet with SupportsPaging: -Skip, -First and -IncludeTotalCount, counted across every pipeline
/// record of the invocation, as PowerShell's own paging does. Without SupportsPaging it writes everything.
/// </summary>
internal sealed class PagedOutput
{
    private readonly BadgeAdminCmdlet _cmdlet;
    private ulong _skipped;
    private ulong _written;

    public PagedOutput(BadgeAdminCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>-First, -Skip and -IncludeTotalCount; read when used, so this may be made before binding.</summary>
    private PagingParameters? Paging => _cmdlet.PagingParameters;

    private ulong First => Paging?.First ?? ulong.MaxValue;

    private ulong Skip => Paging?.Skip ?? 0;

    /// <summary>
    /// Writes an async listing as it arrives. Returns how many items the listing gave (skipped ones included), or null
    /// when -First was already reached and nothing was asked.
    /// </summary>
    public int? Write<T>(IAsyncEnumerable<T> source)
    {
        if (_written >= First) return null; // -First 0, or reached by an earlier record: not even one request
        var seen = 0;
        _cmdlet.StreamListed(source, item =>
        {
            seen++;
            return TryWrite(item!);
        });
        return seen;
    }

    /// <summary>Writes one item unless -Skip passes over it; false once -First is reached, which ends the listing.</summary>
    public bool TryWrite(object item)
    {
        if (_skipped < Skip)
        {
            _skipped++;
            return true;
        }

        if (_written >= First) return false;
        _cmdlet.WriteObject(item);
        return ++_written < First;
    }

    /// <summary>How many more items -First/-Skip can use (skipped ones included), or null when there is no -First.</summary>
    public long? ItemsWanted =>
        First == ulong.MaxValue || First + Skip > long.MaxValue ? null : (long)(First + Skip) - (long)(_skipped + _written);

    /// <summary>The page size to ask for: the cmdlet's, or fewer when -First/-Skip need fewer.</summary>
    public int PageSizeFor(int pageSize)
    {
        if (First == ulong.MaxValue || First + Skip > int.MaxValue) return pageSize;
        var needed = (int)(First + Skip);
        return Math.Max(1, Math.Min(pageSize, needed - (int)Math.Min((ulong)needed, _skipped + _written)));
    }

    /// <summary>With -IncludeTotalCount, writes the total: exact when the API reported one, otherwise "unknown".</summary>
    public void WriteTotalCountIfAsked(long? total)
    {
        if (Paging is { IncludeTotalCount.IsPresent: true } paging)
        {
            _cmdlet.WriteObject(paging.NewTotalCount(total is { } t && t >= 0 ? (ulong)t : 0, total is null ? 0.0 : 1.0));
        }
    }
}
