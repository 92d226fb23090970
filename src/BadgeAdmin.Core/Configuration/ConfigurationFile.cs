using System;
using System.IO;
using System.Text;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Syntax;

namespace BadgeAdmin.Core.Configuration;

/// <summary>Reading and writing configuration files: UTF-8 (a BOM is accepted, never written), the format chosen by the caller from the extension.</summary>
internal static class ConfigurationFile
{
    /// <summary>"JSON" for .json, "YAML" for .yaml/.yml, else null.</summary>
    public static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => "JSON",
        ".yaml" or ".yml" => "YAML",
        _ => null,
    };

    /// <summary>Reads and checks a file; throws <see cref="ConfigurationFileException"/> naming the line and property of each problem.</summary>
    public static BadgeConfiguration Load(string fullPath, string shownName, IConfigurationSyntax syntax)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            throw new ConfigurationFileException(new ConfigurationProblem(shownName, 0, string.Empty, "not UTF-8 text"));
        }

        return ConfigurationReader.Read(syntax.Read(text, shownName), shownName);
    }

    /// <summary>
    /// Writes <paramref name="document"/> as UTF-8 without a BOM. The text goes to a file beside the target first and
    /// then takes its place, so a failure never leaves half a file.
    /// </summary>
    public static void Save(string fullPath, ConfigObject document, IConfigurationSyntax syntax)
    {
        var bytes = new UTF8Encoding(false).GetBytes(syntax.Write(document, BadgeConfigurationSchema.Uri));
        var folder = Path.GetDirectoryName(Path.GetFullPath(fullPath))!;
        var temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            if (File.Exists(fullPath)) File.Replace(temporary, fullPath, null);
            else File.Move(temporary, fullPath);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
