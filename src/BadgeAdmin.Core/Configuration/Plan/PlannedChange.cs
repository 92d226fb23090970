using System;
using System.Threading;
using System.Threading.Tasks;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>
/// A change with what it takes to apply it: its phase (changes of one phase are independent and may run at once;
/// phases run in order), the change it needs first (an attach needs its directory badge created), and the requests.
/// </summary>
internal sealed class PlannedChange
{
    public PlannedChange(BadgeConfigurationChange change, PlanPhase phase, Func<ApplyContext, CancellationToken, Task<Guid?>> apply, PlannedChange? dependsOn = null)
    {
        Change = change;
        Phase = phase;
        Apply = apply;
        DependsOn = dependsOn;
    }

    public BadgeConfigurationChange Change { get; }

    public PlanPhase Phase { get; }

    /// <summary>Sends the change's requests; returns the new item's id for a create (or replace).</summary>
    public Func<ApplyContext, CancellationToken, Task<Guid?>> Apply { get; }

    public PlannedChange? DependsOn { get; }
}
