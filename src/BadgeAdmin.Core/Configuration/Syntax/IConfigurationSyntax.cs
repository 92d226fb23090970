using System;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// Reads a configuration file's text as tokens, and writes nodes as text. One implementation per file format: JSON
/// here, YAML in BadgeAdmin.Yaml (loaded in its own load context on PowerShell 7, so its YamlDotNet never meets another
/// module's).
/// </summary>
public interface IConfigurationSyntax
{
    /// <summary>The format's name, for messages ("JSON", "YAML").</summary>
    string Name { get; }

    /// <summary>
    /// The tokens of UTF-8 text (no BOM), read as they are asked for; syntax errors are thrown as
    /// <see cref="ConfigurationFileException"/> naming their line. Bytes, not a string: a large file is read into a
    /// pooled buffer, and never copied into large one-off objects. The bytes must stay as they are while it is read.
    /// </summary>
    IConfigurationTokens Read(ArraySegment<byte> utf8, string fileName);

    /// <summary>
    /// Writes <paramref name="document"/> deterministically: properties in their order, two-space indentation, "\n"
    /// line ends, a final newline. <paramref name="schemaUri"/> is named where the format's editors look for it.
    /// </summary>
    string Write(ConfigObject document, string schemaUri);
}
