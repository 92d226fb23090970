using System;
using System.Buffers;
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

    /// <summary>
    /// Reads and checks a file; throws <see cref="ConfigurationFileException"/> naming the line and property of each
    /// problem. The bytes go to a pooled buffer: a file of thousands of badges makes no large one-off objects, whose
    /// collection would cost more than the reading.
    /// </summary>
    public static BadgeConfiguration Load(string fullPath, string shownName, IConfigurationSyntax syntax)
    {
        using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (file.Length > int.MaxValue / 2) throw new ConfigurationFileException(new ConfigurationProblem(shownName, 0, string.Empty, "the file is too large"));
        var length = (int)file.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var read = 0;
            while (read < length)
            {
                var got = file.Read(buffer, read, length - read);
                if (got == 0) break;
                read += got;
            }

            var start = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0; // a BOM is accepted
            try
            {
                return ConfigurationReader.Read(syntax.Read(new ArraySegment<byte>(buffer, start, read - start), shownName), shownName);
            }
            catch (DecoderFallbackException)
            {
                throw new ConfigurationFileException(new ConfigurationProblem(shownName, 0, string.Empty, "not UTF-8 text"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes <paramref name="document"/> as UTF-8 without a BOM. The text goes to a file beside the target first and
    /// then takes its place, so a failure never leaves half a file.
    /// </summary>
    public static void Save(string fullPath, ConfigObject document, IConfigurationSyntax syntax)
    {
        var bytes = new UTF8Encoding(false).GetBytes(syntax.Write(document, BadgeConfigurationSchema.Reference));
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
