using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Configuration;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Plan;

namespace BadgeAdmin.Cmdlets.Configuration;

/// <summary>
/// Base of Compare- and Sync-BadgeConfiguration: the file they read (-Path, also piped files), -Prune and -Connection,
/// and the plan of each file, the one Compare writes and Sync applies.
/// </summary>
public abstract class PlanCmdlet : BadgeAdminCmdlet
{
    /// <summary>How many lists are read at once (the badges of several entries or websites).</summary>
    private const int ReadConcurrency = DefaultThrottleLimit;

    private ConfigurationConnections? _services;

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

    /// <summary>
    /// The connections to use instead of the runspace's (from Connect-PartnerPage -PassThru and Connect-Snag
    /// -PassThru), at most one per service, for thread jobs and ForEach-Object -Parallel.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public BadgeAdminConnection[]? Connection { get; set; }

    /// <summary>The connections to compare with and apply to; valid from OnBegin on.</summary>
    private protected ConfigurationConnections Services => _services ?? throw new InvalidOperationException("OnBegin has not run.");

    private protected override void OnBegin()
    {
        _services = new ConfigurationConnections(this, Connection);
        _services.CheckOnePerService();
    }

    private protected sealed override void OnRecord()
    {
        // A file that cannot be used is one error, and the next file is still compared.
        foreach (var path in Files())
        {
            if (new ConfigurationFiles(this).Read(path) is { } file && Compare(file, Prune.IsPresent) is { } plan) OnPlan(file, plan);
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

    /// <summary>Compares the file with the services (reads only). Null when a read failed (the error is written).</summary>
    private ConfigurationPlan? Compare(BadgeConfiguration file, bool prune)
    {
        var partnerPage = file.PartnerPage is null ? null : Services.RequirePartnerPage();
        var snag = file.Snag is null ? null : Services.RequireSnag();
        ConfigurationPlan? plan = null;
        var remember = Services.Remembering();
        ForItem(file.File, ErrorIds.UnexpectedStatus, () =>
            plan = Await(token => ConfigurationComparer.CompareAsync(file, partnerPage?.Client, snag?.Client, snag?.OrganizationId, prune, ReadConcurrency, remember, token)));
        if (plan is null) return null;
        foreach (var issue in plan.Issues) WriteError(IssueError(issue));
        return plan;
    }

    /// <summary>What the cmdlet does with the plan of one file (its issues are already written as errors).</summary>
    private protected abstract void OnPlan(BadgeConfiguration file, ConfigurationPlan plan);

    private static CmdletError IssueError(PlanIssue issue)
    {
        var (id, category) = issue.Kind switch
        {
            PlanIssueKind.NameAmbiguous => (ErrorIds.NameAmbiguous, ErrorCategory.InvalidData),
            PlanIssueKind.DirectoryNotFound => (ErrorIds.PartnerDirectoryNotFound, ErrorCategory.ObjectNotFound),
            PlanIssueKind.EntryNotFound => (ErrorIds.PartnerEntryNotFound, ErrorCategory.ObjectNotFound),
            PlanIssueKind.WebsiteNotFound => (ErrorIds.LoyaltyWebsiteNotFound, ErrorCategory.ObjectNotFound),
            _ => (ErrorIds.OrganizationIdMissing, ErrorCategory.InvalidArgument),
        };
        return new CmdletError(new InvalidOperationException(ApiErrorTranslator.InCommands(issue)), id, category, issue.Target);
    }
}
