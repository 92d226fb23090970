using System.Collections.Generic;
using System.Linq;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>What a comparison found: the changes (in the order a reader reviews them), the parts it could not compare, and what it left alone.</summary>
internal sealed class ConfigurationPlan
{
    public List<PlannedChange> Changes { get; } = new();

    public List<PlanIssue> Issues { get; } = new();

    /// <summary>Items on the server, inside the file's scope, that the file does not name and that are left alone (no -Prune).</summary>
    public int LeftAlone { get; set; }

    /// <summary>
    /// "3 to create, 1 to update, 0 to delete" (attaches count as creates, reorders as updates, detaches as deletes), then
    /// what was left alone and what could not be planned: a plan with issues is never "no changes".
    /// </summary>
    public string Summary()
    {
        var actions = Changes.Select(c => c.Change.Action).ToList();
        var create = actions.Count(a => a is ChangeActions.Create or ChangeActions.Attach);
        var update = actions.Count(a => a is ChangeActions.Update or ChangeActions.Reorder);
        var delete = actions.Count(a => a is ChangeActions.Delete or ChangeActions.Detach);
        var replace = actions.Count(a => a == ChangeActions.Replace);
        var text = $"{create} to create, {update} to update, {delete} to delete" + (replace > 0 ? $", {replace} to replace" : string.Empty);
        if (LeftAlone > 0) text += $"; {LeftAlone} not in the file, left alone";
        if (Issues.Count > 0) text += $"; {Issues.Count} could not be planned (see the errors)";
        return text;
    }
}
