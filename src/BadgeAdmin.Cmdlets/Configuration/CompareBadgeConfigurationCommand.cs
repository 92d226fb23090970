using System.Management.Automation;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Plan;

namespace BadgeAdmin.Cmdlets.Configuration;

/// <summary>
/// <para type="synopsis">Compares a badge configuration file with the services: what Sync-BadgeConfiguration would change.</para>
/// <para type="description">Sends only reads. Writes one change object per difference (nothing when the services
/// match the file), then a summary line for the host ("3 to create, 1 to update, 0 to delete").</para>
/// </summary>
[Cmdlet(VerbsData.Compare, "BadgeConfiguration", HelpUri = OnlineHelp.Pages + "Compare-BadgeConfiguration.md")]
[OutputType(typeof(BadgeConfigurationChange))]
public sealed class CompareBadgeConfigurationCommand : PlanCmdlet
{
    private protected override void OnPlan(BadgeConfiguration file, ConfigurationPlan plan)
    {
        foreach (var change in plan.Changes) WriteObject(change.Change);
        MessageStreams.Note(this, plan.Changes.Count == 0 && plan.Issues.Count == 0
            ? $"No changes: the services match {file.File}." + (plan.LeftAlone > 0 ? $" {plan.LeftAlone} item(s) on the server that the file does not name are left alone (-Prune would delete them)." : string.Empty)
            : $"Plan: {plan.Summary()}.");
    }
}
