namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// The JSON Schema of configuration files (JSON and YAML alike). The module ships it as <see cref="FileName"/>
/// beside its manifest; exported files name it by <see cref="Uri"/>, its <c>$id</c>, which is the same on every
/// machine, so exports stay byte-identical wherever they are made.
/// </summary>
public static class BadgeConfigurationSchema
{
    public const string FileName = "BadgeConfiguration.schema.json";

    public const string Uri = "https://raw.githubusercontent.com/badgeadmin/BadgeAdmin/main/module/" + FileName;
}
