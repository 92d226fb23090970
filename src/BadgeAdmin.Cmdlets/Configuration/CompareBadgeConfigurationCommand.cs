using System.Management.Automation;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Plan;

namespace BadgeAdmin.Cmdlets.Configuration;

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
