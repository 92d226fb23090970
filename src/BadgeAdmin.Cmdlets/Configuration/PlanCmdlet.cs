using System.Management.Automation;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Plan;

namespace BadgeAdmin.Cmdlets.Configuration;

/// <summary>
/// Base of Compare- and Sync-BadgeConfiguration: the file they read (-Path, also piped files) and -Prune, and the
/// plan of each file, the one Compare writes and Sync applies.
/// </summary>
public abstract class PlanCmdlet : ConfigurationCmdlet
{
    /// <summary>The configuration file (.json, .yaml or .yml). Takes piped files (Get-ChildItem) by their FullName.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Also deletes (or plans deleting) what the server has, inside the file's directories, entries and websites, that the file does not name.</summary>
    [Parameter]
    public SwitchParameter Prune { get; set; }

    private protected sealed override void OnRecord()
    {
        // A file that cannot be used is one error, and the next file piped in is still compared.
        if (ReadFile(Path) is { } file && Compare(file, Prune.IsPresent) is { } plan) OnPlan(file, plan);
    }

    /// <summary>What the cmdlet does with the plan of one file (its issues are already written as errors).</summary>
    private protected abstract void OnPlan(BadgeConfiguration file, ConfigurationPlan plan);
}
