using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Configuration;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Plan;
using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Configuration;

/// <summary>
/// Base of the configuration cmdlets, which work with both services at once: the connections (from -Connection, else
/// the runspace's), the file (-Path resolved against the current location, its format from its extension, read and
/// checked before any request) and the plan that Compare writes and Sync applies.
/// </summary>
public abstract class ConfigurationCmdlet : BadgeAdminCmdlet
{
    /// <summary>How many lists are read at once (the badges of several entries or websites).</summary>
    private const int ReadConcurrency = ThrottledChange.DefaultLimit;

    /// <summary>
    /// The connections to use instead of the runspace's (from Connect-PartnerPage -PassThru and Connect-Snag
    /// -PassThru), at most one per service, for thread jobs and ForEach-Object -Parallel.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public BadgeAdminConnection[]? Connection { get; set; }

    private protected override void OnBegin()
    {
        var services = (Connection ?? Array.Empty<BadgeAdminConnection>()).GroupBy(c => c.Service).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (services.Count > 0)
        {
            ThrowTerminating(new CmdletError(new ArgumentException($"-Connection names more than one {services[0]} connection; give at most one per service."),
                ErrorIds.ServiceScopeConflict, ErrorCategory.InvalidArgument, Connection));
        }
    }

    private protected PartnerPageConnection? GivenPartnerPage => Connection?.OfType<PartnerPageConnection>().FirstOrDefault() ?? Connections.PartnerPage;

    private protected SnagConnection? GivenSnag => Connection?.OfType<SnagConnection>().FirstOrDefault() ?? Connections.Snag;

    /// <summary>The PartnerPage connection, or the end of the pipeline with NotConnected/ConnectionClosed.</summary>
    private protected PartnerPageConnection RequirePartnerPage() => Require("PartnerPage", GivenPartnerPage);

    private protected SnagConnection RequireSnag() => Require("Snag", GivenSnag);

    private T Require<T>(string service, T? connection)
        where T : BadgeAdminConnection
    {
        if (ConnectionCheck.Problem(service, connection) is { } problem) ThrowTerminating(problem);
        return connection!;
    }

    /// <summary>The file system path of <paramref name="path"/> (relative to PowerShell's current location, not the process's).</summary>
    private protected string FileSystemPath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>The syntax for the file's extension; ends the pipeline with ConfigurationFileTypeUnknown for any other.</summary>
    private protected IConfigurationSyntax SyntaxFor(string path)
    {
        if (SyntaxOrError(path, out var error) is { } syntax) return syntax;
        ThrowTerminating(error!);
        return null!;
    }

    private static IConfigurationSyntax? SyntaxOrError(string path, out CmdletError? error)
    {
        error = null;
        switch (ConfigurationFile.FormatOf(path))
        {
            case "JSON":
                return new JsonConfigurationSyntax();
            case "YAML":
                return YamlSyntaxLoader.Syntax;
            default:
                error = new CmdletError(
                    new ArgumentException($"'{path}' is neither a JSON nor a YAML file: name it *.json, *.yaml or *.yml (the extension picks the format)."),
                    ErrorIds.ConfigurationFileTypeUnknown, ErrorCategory.InvalidArgument, path);
                return null;
        }
    }

    /// <summary>
    /// Reads and checks the file. Null, with one error for the file, when it cannot be used: ConfigurationFileTypeUnknown,
    /// ConfigurationFileNotFound or ConfigurationFileInvalid (naming file, line and property of every problem). The
    /// error is not terminating, so the next file piped in is still read.
    /// </summary>
    private protected BadgeConfiguration? ReadFile(string path)
    {
        var full = FileSystemPath(path);
        if (SyntaxOrError(path, out var unknown) is not { } syntax)
        {
            WriteError(unknown!);
            return null;
        }

        if (!File.Exists(full))
        {
            WriteError(new CmdletError(new FileNotFoundException($"No configuration file '{path}' ({full}).", full),
                ErrorIds.ConfigurationFileNotFound, ErrorCategory.ObjectNotFound, path));
            return null;
        }

        try
        {
            return ConfigurationFile.Load(full, path, syntax);
        }
        catch (ConfigurationFileException ex)
        {
            WriteError(FileInvalid(ex, path));
            return null;
        }
    }

    /// <summary>
    /// One error for the file. With several problems, each is on a line of its own in the recommended action: the error
    /// view of a script (pwsh -File) runs a message's lines together, but not the recommendation's. The exception's
    /// message lists them too (Get-Error, $_.Exception.Message), and its Problems hold them all.
    /// </summary>
    private static CmdletError FileInvalid(ConfigurationFileException ex, string path)
    {
        var schema = $"the schema is {BadgeConfigurationSchema.FileName} in the module folder";
        if (ex.Problems.Count == 1)
        {
            return new CmdletError(ex, ErrorIds.ConfigurationFileInvalid, ErrorCategory.InvalidData, path) { RecommendedAction = $"Fix the file ({schema}); nothing was sent." };
        }

        var shown = ex.Problems.Take(ConfigurationFileException.ShownInMessage).Select(p => "  " + p);
        var more = ex.Problems.Count > ConfigurationFileException.ShownInMessage ? $"{Environment.NewLine}  … and {ex.Problems.Count - ConfigurationFileException.ShownInMessage} more ($_.Exception.Problems lists them all)." : string.Empty;
        return new CmdletError(ex, ErrorIds.ConfigurationFileInvalid, ErrorCategory.InvalidData, path)
        {
            DetailsMessage = $"{ex.Problems.Count} problems in {path}, each on a line of its own below; nothing was sent.",
            RecommendedAction = $"Fix each of these ({schema}); nothing was sent:{Environment.NewLine}{string.Join(Environment.NewLine, shown)}{more}",
        };
    }

    /// <summary>Compares the file with the services (reads only). Null when a read failed (the error is written).</summary>
    private protected ConfigurationPlan? Compare(BadgeConfiguration file, bool prune)
    {
        var partnerPage = file.PartnerPage is null ? null : RequirePartnerPage();
        var snag = file.Snag is null ? null : RequireSnag();
        ConfigurationPlan? plan = null;
        ForItem(file.File, ErrorIds.UnexpectedStatus, () =>
            plan = Await(token => ConfigurationComparer.CompareAsync(file, partnerPage?.Client, snag?.Client, snag?.OrganizationId, prune, ReadConcurrency, token)));
        if (plan is null) return null;
        foreach (var issue in plan.Issues) WriteError(IssueError(issue));
        return plan;
    }

    /// <summary>A line for the host (the information stream, as Write-Host writes): seen at a prompt, never part of the output.</summary>
    private protected void WriteNote(string text) =>
        WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST" });

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
