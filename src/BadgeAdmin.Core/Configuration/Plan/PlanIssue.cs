namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>
/// A part of the file that could not be compared, and why; the cmdlets write it as an error and go on, adding by
/// <see cref="Kind"/> which command helps (Core names none).
/// </summary>
internal sealed class PlanIssue
{
    public PlanIssue(PlanIssueKind kind, string message, object target)
    {
        Kind = kind;
        Message = message;
        Target = target;
    }

    public PlanIssueKind Kind { get; }

    public string Message { get; }

    /// <summary>What the issue is about: the name or id looked for.</summary>
    public object Target { get; }

    public override string ToString() => Message;
}
