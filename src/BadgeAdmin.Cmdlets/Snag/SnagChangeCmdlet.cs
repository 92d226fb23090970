using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;

namespace BadgeAdmin.Cmdlets.Snag;

/// <summary>Base of the Snag cmdlets that change something: piped items go out concurrently up to -ThrottleLimit.</summary>
public abstract class SnagChangeCmdlet : SnagCmdlet
{
    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, ThrottledChange.MaxLimit)]
    public int ThrottleLimit { get; set; } = ThrottledChange.DefaultLimit;

    private protected override int Concurrency => ThrottleLimit;
}
