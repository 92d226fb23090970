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
    /// <summary>
    /// The configuration files (.json, .yaml or .yml); wildcards match files. Takes piped paths, and piped files
    /// (Get-ChildItem) by their FullName.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = System.Array.Empty<string>();

    /// <summary>Also deletes (or plans deleting) what the server has, inside the file's directories, entries and websites, that the file does not name.</summary>
    [Parameter]
    public SwitchParameter Prune { get; set; }

    private protected sealed override void OnRecord()
    {
        // A file that cannot be used is one error, and the next file is still compared.
        foreach (var path in Files())
        {
            if (ReadFile(path) is { } file && Compare(file, Prune.IsPresent) is { } plan) OnPlan(file, plan);
        }
    }

    /// <summary>The paths given, a wildcard replaced by the files it matches (in name order); one that matches none is an error.</summary>
    private System.Collections.Generic.IEnumerable<string> Files()
    {
        foreach (var path in Path)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(path))
            {
                yield return path;
                continue;
            }

            var matches = new System.Collections.Generic.List<string>();
            try
            {
                matches.AddRange(SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _));
            }
            catch (ItemNotFoundException)
            {
            }

            if (matches.Count == 0)
            {
                WriteError(new Runtime.CmdletError(new System.IO.FileNotFoundException($"-Path '{path}' matches no file."), Errors.ErrorIds.ConfigurationFileNotFound, ErrorCategory.ObjectNotFound, path));
            }

            matches.Sort(System.StringComparer.Ordinal);
            foreach (var match in matches) yield return match;
        }
    }

    /// <summary>What the cmdlet does with the plan of one file (its issues are already written as errors).</summary>
    private protected abstract void OnPlan(BadgeConfiguration file, ConfigurationPlan plan);
}
