using System;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>How applying one change went: done (with the new item's id for a create), failed, or skipped because the change it needs did not happen.</summary>
internal sealed class ChangeOutcome
{
    private ChangeOutcome(PlannedChange planned, Exception? error, string? skipped, Guid? id)
    {
        Planned = planned;
        Error = error;
        Skipped = skipped;
        Id = id;
    }

    public PlannedChange Planned { get; }

    /// <summary>The failure (an ApiException, or a request refused before sending); null when it was done or skipped.</summary>
    public Exception? Error { get; }

    /// <summary>Why the change was not tried; null when it was.</summary>
    public string? Skipped { get; }

    public Guid? Id { get; }

    public bool Succeeded => Error is null && Skipped is null;

    public static ChangeOutcome Done(PlannedChange planned, Guid? id) => new(planned, null, null, id);

    public static ChangeOutcome Failed(PlannedChange planned, Exception error) => new(planned, error, null, null);

    public static ChangeOutcome Skip(PlannedChange planned, string reason) => new(planned, null, reason, null);
}
