namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// The JSON Schema of configuration files (JSON and YAML alike). The module ships it as <see cref="FileName"/> beside
/// its manifest. Export-BadgeConfiguration puts a copy beside the file it writes and names it there by the relative
/// <see cref="Reference"/>: editors find it offline, and the reference is the same on every machine, so exports stay
/// byte-identical wherever they are made (a path into the module folder would differ from one machine to the next).
/// </summary>
public static class BadgeConfigurationSchema
{
    public const string FileName = "BadgeConfiguration.schema.json";

    /// <summary>How exported files name the schema: the copy beside them.</summary>
    public const string Reference = "./" + FileName;

    /// <summary>The schema's own <c>$id</c>: an identifier, not an address editors are sent to.</summary>
    public const string Id = "https://raw.githubusercontent.com/badgeadmin/BadgeAdmin/main/module/" + FileName;
}
