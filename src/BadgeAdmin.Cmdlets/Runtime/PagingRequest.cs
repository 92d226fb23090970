namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>What -First, -Skip and -IncludeTotalCount asked for (PowerShell's SupportsPaging parameters).</summary>
internal sealed class PagingRequest
{
    public static readonly PagingRequest None = new(ulong.MaxValue, 0, false);

    public PagingRequest(ulong first, ulong skip, bool includeTotalCount)
    {
        First = first;
        Skip = skip;
        IncludeTotalCount = includeTotalCount;
    }

    /// <summary>At most this many objects (ulong.MaxValue when not given).</summary>
    public ulong First { get; }

    public ulong Skip { get; }

    public bool IncludeTotalCount { get; }

    /// <summary>How many items the listing needs at most, when small enough to ask the API for no more.</summary>
    public int? ItemsNeeded => First == ulong.MaxValue || First + Skip > int.MaxValue ? null : (int)(First + Skip);
}
