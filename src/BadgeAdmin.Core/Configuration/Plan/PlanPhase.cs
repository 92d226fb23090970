namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>
/// The order a sync applies changes in. Detaches go before deletes (a badge leaves the entries before it goes),
/// renames before creates (a name must be free before another badge takes it), directory badges before the entries
/// that attach them, and attaches before the reorders that place them.
/// </summary>
internal enum PlanPhase
{
    Detach,
    Delete,
    Update,
    Create,
    Attach,
    Reorder,
}
