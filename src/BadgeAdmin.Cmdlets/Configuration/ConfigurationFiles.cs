using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Configuration;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Syntax;

namespace BadgeAdmin.Cmdlets.Configuration;

/// <summary>
/// The configuration files a cmdlet reads or writes: a path resolved against PowerShell's current location, the format
/// picked by the extension, and a file read and checked before any request.
/// </summary>
internal sealed class ConfigurationFiles
{
    private readonly BadgeAdminCmdlet _cmdlet;

    public ConfigurationFiles(BadgeAdminCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>The file system path of <paramref name="path"/> (relative to PowerShell's current location, not the process's).</summary>
    public string FileSystemPath(string path) => _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>The syntax for the file's extension; ends the pipeline with ConfigurationFileTypeUnknown for any other.</summary>
    public IConfigurationSyntax SyntaxFor(string path)
    {
        if (SyntaxOrError(path, out var error) is { } syntax) return syntax;
        _cmdlet.ThrowTerminating(error!);
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
    public BadgeConfiguration? Read(string path)
    {
        var full = FileSystemPath(path);
        if (SyntaxOrError(path, out var unknown) is not { } syntax)
        {
            _cmdlet.WriteError(unknown!);
            return null;
        }

        if (!File.Exists(full))
        {
            _cmdlet.WriteError(new CmdletError(new FileNotFoundException($"No configuration file '{path}' ({full}).", full),
                ErrorIds.ConfigurationFileNotFound, ErrorCategory.ObjectNotFound, path));
            return null;
        }

        try
        {
            return ConfigurationFile.Load(full, path, syntax);
        }
        catch (ConfigurationFileException ex)
        {
            _cmdlet.WriteError(FileInvalid(ex, path));
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

}
