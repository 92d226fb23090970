using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Configuration;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Configuration;

[Cmdlet(VerbsData.Export, "BadgeConfiguration", HelpUri = OnlineHelp.Pages + "Export-BadgeConfiguration.md")]
public sealed class ExportBadgeConfigurationCommand : BadgeAdminCmdlet
{
    private ConfigurationConnections? _services;

    /// <summary>The file to write; its extension picks the format: .json, .yaml or .yml.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The services to export; by default every one connected.</summary>
    [Parameter]
    [ValidateSet("PartnerPage", "Snag")]
    public string[]? Service { get; set; }

    /// <summary>The PartnerPage directories to export; by default the connection's (-DirectoryId of Connect-PartnerPage), else every directory.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PartnerDirectoryIdCompleter))]
    public Guid[]? DirectoryId { get; set; }

    /// <summary>The Snag websites to export; by default the connection's (-WebsiteId of Connect-Snag), else every website.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LoyaltyWebsiteIdCompleter))]
    public Guid[]? WebsiteId { get; set; }

    /// <summary>Replaces an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// The connections to use instead of the runspace's (from Connect-PartnerPage -PassThru and Connect-Snag
    /// -PassThru), at most one per service, for thread jobs and ForEach-Object -Parallel.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public BadgeAdminConnection[]? Connection { get; set; }

    private ConfigurationConnections Given => _services ?? throw new InvalidOperationException("OnBegin has not run.");

    private protected override void OnBegin()
    {
        _services = new ConfigurationConnections(this, Connection);
        _services.CheckOnePerService();
    }

    private protected override void OnEnd()
    {
        var files = new ConfigurationFiles(this);
        var full = files.FileSystemPath(Path);
        var syntax = files.SyntaxFor(Path);
        if (Directory.Exists(full) || (File.Exists(full) && !Force.IsPresent))
        {
            ThrowTerminating(new CmdletError(
                new IOException(Directory.Exists(full) ? $"'{Path}' is a folder." : $"The file '{Path}' exists; add -Force to replace it."),
                ErrorIds.ConfigurationFileExists, ErrorCategory.ResourceExists, Path));
        }

        // Known before any request: otherwise the whole export is read, and only writing it fails.
        var folder = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            ThrowTerminating(new CmdletError(
                new DirectoryNotFoundException($"-Path '{Path}': the folder {folder} does not exist. Create it first (New-Item -ItemType Directory), or give another -Path. Nothing was read or written."),
                ErrorIds.ConfigurationFolderNotFound, ErrorCategory.ObjectNotFound, Path)
            {
                RecommendedAction = "Create the folder, or give -Path a file in a folder that exists.",
            });
        }

        var (partnerPage, snag) = Services();
        var directories = DirectoryId ?? (partnerPage?.DirectoryId is { } directory ? new[] { directory } : null);
        var websites = WebsiteId ?? (snag?.WebsiteId is { } website ? new[] { website } : null);
        ConfigurationExport? export = null;
        var remember = Given.Remembering();
        ForItem(Path, ErrorIds.UnexpectedStatus, () => export = Await(token =>
            ConfigurationExport.ReadAsync(partnerPage?.Client, directories, snag?.Client, snag?.OrganizationId, websites, DefaultThrottleLimit, remember, token)));
        if (export is null) return;

        foreach (var id in export.MissingDirectories)
        {
            WriteError(new CmdletError(new KeyNotFoundException($"No PartnerPage directory with id {id}; Get-PartnerDirectory lists them. Nothing was written."),
                ErrorIds.PartnerDirectoryNotFound, ErrorCategory.ObjectNotFound, id));
        }

        foreach (var id in export.MissingWebsites)
        {
            WriteError(new CmdletError(new KeyNotFoundException($"No loyalty website with id {id}; Get-LoyaltyWebsite lists them. Nothing was written."),
                ErrorIds.LoyaltyWebsiteNotFound, ErrorCategory.ObjectNotFound, id));
        }

        if (export.MissingDirectories.Count + export.MissingWebsites.Count > 0) return;
        ConfigurationFile.Save(full, export.Document, syntax);
        var schema = CopySchema(System.IO.Path.GetDirectoryName(full)!);
        WarnIfRefused(full, syntax);
        MessageStreams.Note(this, $"Exported {export.Summary} to {Path}" + (schema ? $", with its schema {BadgeConfigurationSchema.FileName} beside it." : "."));
    }

    /// <summary>
    /// The file is read back as Compare would read it: a server may hold what a file may not (two badges of one name in
    /// one directory or website), and the user should hear it now, not at the first compare.
    /// </summary>
    private void WarnIfRefused(string full, BadgeAdmin.Core.Configuration.Syntax.IConfigurationSyntax syntax)
    {
        try
        {
            ConfigurationFile.Load(full, Path, syntax);
        }
        catch (BadgeAdmin.Core.Configuration.Syntax.ConfigurationFileException ex)
        {
            WriteWarning($"{Path} was written as the services hold it, but Compare- and Sync-BadgeConfiguration will refuse it until this is fixed (rename on the server, or in the file):{Environment.NewLine}" +
                string.Join(Environment.NewLine, ex.Problems.Select(p => "  " + p)));
        }
    }

    /// <summary>
    /// Puts the module's schema beside the file, which names it by a relative path (editors read it offline, and the
    /// reference is the same on every machine). Replaced when it differs: it is the module's, for the module's files.
    /// </summary>
    private bool CopySchema(string folder)
    {
        var module = MyInvocation.MyCommand.Module?.ModuleBase
            ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(ExportBadgeConfigurationCommand).Assembly.Location)!, "..", "..");
        var source = System.IO.Path.Combine(module, BadgeConfigurationSchema.FileName);
        var target = System.IO.Path.Combine(folder, BadgeConfigurationSchema.FileName);
        try
        {
            var bytes = File.ReadAllBytes(source);
            if (!File.Exists(target) || !File.ReadAllBytes(target).SequenceEqual(bytes)) File.WriteAllBytes(target, bytes);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteWarning($"The file names its schema {BadgeConfigurationSchema.Reference}, which could not be put beside it ({ex.Message}); editors will not check the file until it is there. The module folder has it.");
            return false;
        }
    }

    /// <summary>The connections of the services to export: those asked for (each must be connected), else those connected.</summary>
    private (PartnerPageConnection? PartnerPage, SnagConnection? Snag) Services()
    {
        var asked = Service?.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (asked is not null)
        {
            if (DirectoryId is not null && !asked.Contains("PartnerPage", StringComparer.OrdinalIgnoreCase)) Conflict("-DirectoryId", "PartnerPage");
            if (WebsiteId is not null && !asked.Contains("Snag", StringComparer.OrdinalIgnoreCase)) Conflict("-WebsiteId", "Snag");
        }

        var wantPartnerPage = asked?.Contains("PartnerPage", StringComparer.OrdinalIgnoreCase) ?? (DirectoryId is not null || Given.PartnerPage is { IsDisposed: false });
        var wantSnag = asked?.Contains("Snag", StringComparer.OrdinalIgnoreCase) ?? (WebsiteId is not null || Given.Snag is { IsDisposed: false });
        if (!wantPartnerPage && !wantSnag)
        {
            ThrowTerminating(new CmdletError(new InvalidOperationException("Not connected to PartnerPage or Snag: run Connect-PartnerPage or Connect-Snag first (or pass -Connection)."),
                ErrorIds.NotConnected, ErrorCategory.ConnectionError, null));
        }

        return (wantPartnerPage ? Given.RequirePartnerPage() : null, wantSnag ? Given.RequireSnag() : null);
    }

    private void Conflict(string parameter, string service) =>
        ThrowTerminating(new CmdletError(new ArgumentException($"{parameter} is a {service} scope, and -Service does not include {service}."),
            ErrorIds.ServiceScopeConflict, ErrorCategory.InvalidArgument, parameter));
}
