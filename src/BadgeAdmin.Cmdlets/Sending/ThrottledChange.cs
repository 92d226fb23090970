namespace BadgeAdmin.Cmdlets.Sending;

/// <summary>The -ThrottleLimit every changing cmdlet takes: piped items in flight at once, 1 for strictly one by one.</summary>
internal static class ThrottledChange
{
    public const int DefaultLimit = 4;
    public const int MaxLimit = 64;
}
