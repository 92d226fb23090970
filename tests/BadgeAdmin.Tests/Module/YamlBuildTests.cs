using System.Reflection;
using System.Runtime.InteropServices;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Module;

/// <summary>
/// Where the module's YAML support lies in the built folder: on PowerShell 7 apart, in bin/net8.0/yaml/, loaded in its
/// own load context (nothing PowerShell ships, and none of our own assemblies, is copied there); on Windows PowerShell
/// 5.1 beside the rest. The load itself, beside another YamlDotNet, is shown in pwsh by tests/Configuration.Tests.ps1.
/// </summary>
public sealed class YamlBuildTests
{
    private static readonly string Bin = Path.Combine(RepoPaths.Root, "out", "BadgeAdmin", "bin");

    [Fact]
    public void The_PowerShell_7_build_keeps_YamlDotNet_and_its_one_user_in_a_folder_of_their_own()
    {
        var folder = Path.Combine(Bin, "net8.0", "yaml");
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var paths = Directory.GetFiles(folder, "*.dll").Concat(Directory.GetFiles(Path.Combine(Bin, "net8.0"), "*.dll")).Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths.GroupBy(Path.GetFileName).Select(g => g.First())), "System.Private.CoreLib");
        var yaml = context.LoadFromAssemblyPath(Path.Combine(folder, "BadgeAdmin.Yaml.dll"));

        Assert.Equal(new[] { "BadgeAdmin.Yaml.dll", "YamlDotNet.dll" }, files);
        Assert.Equal(16, AssemblyName.GetAssemblyName(Path.Combine(folder, "YamlDotNet.dll")).Version!.Major);
        Assert.All(yaml.GetReferencedAssemblies().Where(r => r.Name is not ("BadgeAdmin.Core" or "YamlDotNet")),
            r => Assert.True(r.Version!.Major <= 8, $"{r.FullName} is above what .NET 8 has"));
        Assert.NotNull(yaml.GetType("BadgeAdmin.Yaml.YamlConfigurationSyntax")); // the type the loader creates by name
    }

    [Fact]
    public void The_desktop_build_ships_the_YAML_support_beside_the_module_for_its_resolver()
    {
        var files = Directory.GetFiles(Path.Combine(Bin, "netstandard2.0")).Select(Path.GetFileName).ToList();

        Assert.Contains("BadgeAdmin.Yaml.dll", files);
        Assert.Contains("YamlDotNet.dll", files);
    }
}
