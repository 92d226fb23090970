using System;
using System.IO;
using System.Reflection;
using BadgeAdmin.Core.Configuration.Syntax;

namespace BadgeAdmin.Cmdlets.Configuration;

/// <summary>
/// The YAML syntax, loaded the first time a YAML file is read or written (never at import). On PowerShell 7 it and
/// its YamlDotNet load from bin/net8.0/yaml/ into a private load context, so another module's YamlDotNet (powershell-yaml
/// loads one) and ours never meet; BadgeAdmin.Core is shared from the default context, so the syntax's nodes are the
/// cmdlets' own types. On Windows PowerShell 5.1 the module's resolver answers for the copies in bin/netstandard2.0.
/// </summary>
internal static class YamlSyntaxLoader
{
    public const string AssemblyName = "BadgeAdmin.Yaml";
    public const string TypeName = "BadgeAdmin.Yaml.YamlConfigurationSyntax";

    private static readonly Lazy<IConfigurationSyntax> Loaded = new(Load);

    public static IConfigurationSyntax Syntax => Loaded.Value;

    private static IConfigurationSyntax Load()
    {
        var folder = Path.GetDirectoryName(typeof(YamlSyntaxLoader).Assembly.Location)!;
#if NETCOREAPP
        var context = new IsolatedLoadContext(Path.Combine(folder, "yaml"), typeof(IConfigurationSyntax).Assembly);
        var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, "yaml", AssemblyName + ".dll"));
#else
        var assembly = Assembly.LoadFrom(Path.Combine(folder, AssemblyName + ".dll"));
#endif
        return (IConfigurationSyntax)Activator.CreateInstance(assembly.GetType(TypeName, throwOnError: true)!)!;
    }
}
