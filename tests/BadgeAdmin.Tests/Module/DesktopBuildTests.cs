using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;

using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Module;

/// <summary>
/// What no engine here can check: the built module folder as Windows PowerShell 5.1 (.NET Framework 4.7.2) and
/// PowerShell 7.4 (.NET 8) would load it, read from metadata only (nothing is executed), and the manifest's text.
/// </summary>
public sealed class DesktopBuildTests
{
    private static readonly string ModuleFolder = Path.Combine(RepoPaths.Root, "out", "BadgeAdmin");
    private static readonly string DesktopFolder = Path.Combine(ModuleFolder, "bin", "netstandard2.0");
    private static readonly string CoreFolder = Path.Combine(ModuleFolder, "bin", "net8.0");

    /// <summary>
    /// What a reference may name without the module shipping it, at most at these versions: .NET Framework 4.7.2's
    /// netstandard 2.0 facade and its mscorlib, and Windows PowerShell 5.1's engine. (Older packages built for
    /// netstandard1.x reference contract facades such as System.Runtime instead; none ships here, and one that did
    /// would deserve this test's failure and a look.)
    /// </summary>
    private static readonly Dictionary<string, Version> FrameworkProvided = new(StringComparer.OrdinalIgnoreCase)
    {
        ["netstandard"] = new Version(2, 0, 0, 0),
        ["mscorlib"] = new Version(4, 0, 0, 0),
        ["System.Management.Automation"] = new Version(3, 0, 0, 0),
    };

    [Fact]
    public void Every_reference_of_the_desktop_build_is_shipped_beside_it_or_provided_by_NET_Framework_4_7_2_and_PowerShell_5_1()
    {
        // The import hook answers with the shipped copy by name, so a shipped version at or above the one referenced serves.
        var shipped = Directory.GetFiles(DesktopFolder, "*.dll").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => AssemblyName.GetAssemblyName(f).Version!, StringComparer.OrdinalIgnoreCase);
        using var context = Inspect(DesktopFolder);
        var missing = new List<string>();

        foreach (var file in Directory.GetFiles(DesktopFolder, "*.dll"))
        {
            foreach (var reference in context.LoadFromAssemblyPath(file).GetReferencedAssemblies())
            {
                var available = shipped.TryGetValue(reference.Name!, out var version) ? version : FrameworkProvided.GetValueOrDefault(reference.Name!);
                if (available is null || available < reference.Version) missing.Add($"{Path.GetFileName(file)} needs {reference.Name} {reference.Version}, available: {available?.ToString() ?? "none"}");
            }
        }

        Assert.True(shipped.Count >= 10, $"only {shipped.Count} assemblies in {DesktopFolder}");
        Assert.Empty(missing);
    }

    [Fact]
    public void No_assembly_of_the_desktop_build_targets_a_framework_newer_than_NET_Framework_4_7_2_runs()
    {
        using var context = Inspect(DesktopFolder);
        foreach (var file in Directory.GetFiles(DesktopFolder, "*.dll"))
        {
            var assembly = context.LoadFromAssemblyPath(file);
            var declared = TargetFramework(assembly);
            if (declared is not null)
            {
                var runs = (declared.Identifier == ".NETStandard" && declared.Version <= new Version(2, 0)) ||
                    (declared.Identifier == ".NETFramework" && declared.Version <= new Version(4, 7, 2));
                Assert.True(runs, $"{Path.GetFileName(file)} targets {declared}");
            }

            // Old packages declare no target: their core library says it (netstandard 2.0 or mscorlib, never .NET's).
            var core = assembly.GetReferencedAssemblies().Where(r => r.Name is "netstandard" or "mscorlib" or "System.Runtime" or "System.Private.CoreLib").ToList();
            Assert.True(core.Count > 0 && core.All(r => FrameworkProvided.TryGetValue(r.Name!, out var at) && r.Version! <= at),
                $"{Path.GetFileName(file)} builds on {string.Join(", ", core.Select(r => r.FullName))}");
        }
    }

    [Fact]
    public void No_PowerShell_engine_assembly_is_shipped_anywhere_in_the_module_folder()
    {
        // PowerShell brings its own; a copy in the module would be loaded in its place or clash with it.
        var files = Directory.GetFiles(ModuleFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.Contains("BadgeAdmin.dll", files); // the folder really is the built module
        Assert.DoesNotContain(files, f => f!.Equals("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase)
            || f.Contains("PowerShellStandard", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_PowerShell_7_build_is_only_the_module_assemblies_on_NET_8_with_System_Text_Json_8()
    {
        // PowerShell 7.4 runs .NET 8 with System.Text.Json 8.0 already loaded: a reference above that fails the import.
        var files = Directory.GetFiles(CoreFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        using var context = Inspect(CoreFolder);
        var assemblies = files.Select(f => context.LoadFromAssemblyPath(Path.Combine(CoreFolder, f!))).ToList();
        var references = assemblies.SelectMany(a => a.GetReferencedAssemblies()).ToList();

        Assert.Equal(new[] { "BadgeAdmin.Core.dll", "BadgeAdmin.dll" }, files);
        Assert.All(assemblies, a => Assert.Equal(new FrameworkName(".NETCoreApp", new Version(8, 0)), TargetFramework(a)));
        Assert.Contains(references, r => r.Name == "System.Text.Json");
        Assert.All(references.Where(r => r.Name is not ("BadgeAdmin.Core" or "System.Management.Automation")),
            r => Assert.True(r.Version!.Major <= 8, $"{r.FullName} is above what .NET 8 has"));
    }

    [Theory]
    [InlineData("netstandard2.0")]
    [InlineData("net8.0")]
    public void No_exported_type_derives_from_or_implements_a_type_of_BadgeAdmin_Core_or_another_shipped_dependency(string build)
    {
        // PowerShell enumerates BadgeAdmin.dll's exported types before it runs the import hook that makes the shipped
        // dependencies loadable on Windows PowerShell: only member signatures may name their types.
        var folder = Path.Combine(ModuleFolder, "bin", build);
        var forbidden = Directory.GetFiles(DesktopFolder, "*.dll").Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(n => n != "BadgeAdmin").ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("BadgeAdmin.Core", forbidden);

        using var pe = new PEReader(File.OpenRead(Path.Combine(folder, "BadgeAdmin.dll")));
        var metadata = pe.GetMetadataReader();
        var exported = metadata.TypeDefinitions.Where(h => IsExported(metadata, h)).ToList();
        Assert.True(exported.Count > 20, $"only {exported.Count} exported types");

        Assert.All(exported, handle =>
        {
            var type = metadata.GetTypeDefinition(handle);
            var ancestry = Ancestry(metadata, handle).ToList();
            Assert.True(!ancestry.Any(forbidden.Contains),
                $"{metadata.GetString(type.Name)} derives from or implements a type of {string.Join(", ", ancestry.Where(forbidden.Contains).Distinct())}");
        });
    }

    [Fact]
    public void The_manifest_declares_both_editions_PowerShell_5_1_the_loader_and_every_cmdlet_by_name()
    {
        var manifest = File.ReadAllText(Path.Combine(ModuleFolder, "BadgeAdmin.psd1"));

        Assert.Equal("BadgeAdmin.psm1", Scalar(manifest, "RootModule"));
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "BadgeAdmin.psm1")));
        Assert.Equal("5.1", Scalar(manifest, "PowerShellVersion"));
        Assert.Equal("4.7.2", Scalar(manifest, "DotNetFrameworkVersion"));
        Assert.Equal(new[] { "Desktop", "Core" }, List(manifest, "CompatiblePSEditions"));
        var cmdlets = List(manifest, "CmdletsToExport");
        Assert.Equal(28, cmdlets.Count);
        Assert.DoesNotContain(cmdlets, c => c.IndexOfAny(new[] { '*', '?', '[' }) >= 0); // wildcards make PowerShell load the module to find out
        Assert.Equal(cmdlets.Count, cmdlets.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    /// <summary>Metadata only: the folder's assemblies win over the runtime's facades, which resolve netstandard.</summary>
    private static MetadataLoadContext Inspect(string folder)
    {
        var paths = Directory.GetFiles(folder, "*.dll")
            .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        return new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
    }

    private static FrameworkName? TargetFramework(Assembly assembly) =>
        assembly.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == typeof(TargetFrameworkAttribute).FullName)?.ConstructorArguments[0].Value is string name
            ? new FrameworkName(name)
            : null;

    private static bool IsExported(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        return (type.Attributes & TypeAttributes.VisibilityMask) switch
        {
            TypeAttributes.Public => true,
            TypeAttributes.NestedPublic => IsExported(metadata, type.GetDeclaringType()),
            _ => false,
        };
    }

    /// <summary>The assemblies of every base type, interface and generic argument above a type, following its own assembly's types.</summary>
    private static IEnumerable<string> Ancestry(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        var above = type.GetInterfaceImplementations().Select(i => metadata.GetInterfaceImplementation(i).Interface).Prepend(type.BaseType).Where(h => !h.IsNil);
        foreach (var parent in above)
        {
            if (parent.Kind == HandleKind.TypeDefinition)
            {
                foreach (var name in Ancestry(metadata, (TypeDefinitionHandle)parent)) yield return name;
                continue;
            }

            foreach (var name in ScopesOf(metadata, parent)) yield return name;
        }
    }

    /// <summary>The assembly names a type reference or a generic instantiation names (own types count as "BadgeAdmin").</summary>
    private static ImmutableArray<string> ScopesOf(MetadataReader metadata, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => ImmutableArray.Create("BadgeAdmin"),
        HandleKind.TypeReference => ImmutableArray.Create(ScopeOf(metadata, (TypeReferenceHandle)handle)),
        HandleKind.TypeSpecification => metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(new ScopeCollector(metadata), null),
        _ => ImmutableArray<string>.Empty,
    };

    private static string ScopeOf(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var scope = metadata.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.AssemblyReference => metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
            HandleKind.TypeReference => ScopeOf(metadata, (TypeReferenceHandle)scope), // nested: the outer type's assembly
            _ => "BadgeAdmin",
        };
    }

    /// <summary>Decodes a type signature into the names of the assemblies whose types it mentions.</summary>
    private sealed class ScopeCollector(MetadataReader metadata) : ISignatureTypeProvider<ImmutableArray<string>, object?>
    {
        public ImmutableArray<string> GetArrayType(ImmutableArray<string> elementType, ArrayShape shape) => elementType;
        public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) => signature.ParameterTypes.SelectMany(p => p).Concat(signature.ReturnType).ToImmutableArray();
        public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> genericType, ImmutableArray<ImmutableArray<string>> typeArguments) => genericType.Concat(typeArguments.SelectMany(a => a)).ToImmutableArray();
        public ImmutableArray<string> GetGenericMethodParameter(object? genericContext, int index) => ImmutableArray<string>.Empty;
        public ImmutableArray<string> GetGenericTypeParameter(object? genericContext, int index) => ImmutableArray<string>.Empty;
        public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier, ImmutableArray<string> unmodifiedType, bool isRequired) => unmodifiedType;
        public ImmutableArray<string> GetPinnedType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetPointerType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => ImmutableArray<string>.Empty;
        public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> elementType) => elementType;
        public ImmutableArray<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => ScopesOf(metadata, handle);
        public ImmutableArray<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => ScopesOf(metadata, handle);
        public ImmutableArray<string> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => ScopesOf(metadata, handle);
    }

    /// <summary>A quoted scalar of the manifest: Key = 'value'.</summary>
    private static string Scalar(string manifest, string key) =>
        Regex.Match(manifest, $@"^\s*{key}\s*=\s*'([^']*)'", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no {key} = '...' in the manifest");

    /// <summary>The quoted strings of an array of the manifest: Key = @('a', 'b') or one per line.</summary>
    private static IReadOnlyList<string> List(string manifest, string key) =>
        Regex.Match(manifest, $@"^\s*{key}\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline) is { Success: true } m
            ? Regex.Matches(m.Groups[1].Value, "'([^']*)'").Select(s => s.Groups[1].Value).ToList()
            : throw new Xunit.Sdk.XunitException($"no {key} = @(...) in the manifest");
}
