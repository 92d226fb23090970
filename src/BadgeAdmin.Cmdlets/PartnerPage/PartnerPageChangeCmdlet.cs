using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>Base of the PartnerPage cmdlets that change something: piped items go out concurrently up to -ThrottleLimit.</summary>
public abstract class PartnerPageChangeCmdlet : PartnerPageCmdlet
{
    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, ThrottledChange.MaxLimit)]
    public int ThrottleLimit { get; set; } = ThrottledChange.DefaultLimit;

    private protected override int Concurrency => ThrottleLimit;
}
