using System.Reflection;
using System.Runtime.InteropServices;

namespace BadgeAdmin.Tests.Support;

/// <summary>
/// The built module folder out/BadgeAdmin, its manifest, and its cmdlet assembly loaded for inspection only
/// (MetadataLoadContext: attribute values are read from metadata, nothing is executed, no PowerShell is loaded).
/// </summary>
public sealed class BuiltModule : IDisposable
{
    public const string SmaNamespace = "System.Management.Automation";
    private readonly MetadataLoadContext _context;

    public BuiltModule()
    {
        Folder = Path.Combine(RepoRoot, "out", "BadgeAdmin");
        if (!File.Exists(Path.Combine(Folder, "BadgeAdmin.psd1"))) throw new InvalidOperationException($"No built module at {Folder}; build the solution first.");
        Manifest = Psd1Reader.ReadFile(Path.Combine(Folder, "BadgeAdmin.psd1"));

        // The module's own files, PowerShell's reference assembly (from the compile-time package), and the runtime's facades.
        var engine = typeof(System.Management.Automation.Cmdlet).Assembly.Location;
        var paths = Directory.GetFiles(Folder, "*.dll", SearchOption.AllDirectories)
            .Concat(new[] { engine })
            .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First()); // the module's copy wins over the runtime's
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
        CmdletAssembly = _context.LoadFromAssemblyPath(Path.Combine(Folder, (string)Manifest["RootModule"]!));
        Engine = _context.LoadFromAssemblyName("System.Management.Automation");
        CoreAssembly = _context.LoadFromAssemblyPath(Path.Combine(Folder, "dependencies", "BadgeAdmin.Core.dll"));
        Cmdlets = CmdletAssembly.GetTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == SmaNamespace + ".CmdletAttribute")))
            .Where(x => x.Attribute is not null)
            .Select(x => new CmdletInfo(x.Type, x.Attribute!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    public string Folder { get; }

    public Dictionary<string, object?> Manifest { get; }

    public Assembly CmdletAssembly { get; }

    /// <summary>The PowerShell-free core: clients, models, HTTP pipeline.</summary>
    public Assembly CoreAssembly { get; }

    /// <summary>PowerShell's reference assembly, for the approved-verb lists and attribute types.</summary>
    public Assembly Engine { get; }

    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    public CmdletInfo Cmdlet(string name) => Cmdlets.Single(c => c.Name == name);

    public Type Type(string fullName) =>
        _context.GetAssemblies().Select(a => a.GetType(fullName)).FirstOrDefault(t => t is not null)
        ?? throw new InvalidOperationException($"No type {fullName} in the module.");

    /// <summary>Every approved verb, read from the engine's Verbs* classes as Get-Verb does.</summary>
    public ISet<string> ApprovedVerbs() =>
        Engine.GetTypes()
            .Where(t => t.Namespace == SmaNamespace && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

    public void Dispose() => _context.Dispose();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BadgeAdmin.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("BadgeAdmin.sln not found above the test directory.");
    }
}

/// <summary>A cmdlet class as PowerShell's binder sees it, from metadata.</summary>
public sealed class CmdletInfo
{
    public const string AllSets = "__AllParameterSets";

    public CmdletInfo(Type type, CustomAttributeData cmdlet)
    {
        Type = type;
        Verb = (string)cmdlet.ConstructorArguments[0].Value!;
        Noun = (string)cmdlet.ConstructorArguments[1].Value!;
        Named = cmdlet.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attributes: p.GetCustomAttributesData()))
            .Where(p => p.Attributes.Any(a => a.AttributeType.Name == "ParameterAttribute"))
            .Select(p => new ParameterInfo(p.Property, p.Attributes))
            .ToList();
    }

    public Type Type { get; }
    public string Verb { get; }
    public string Noun { get; }
    public string Name => $"{Verb}-{Noun}";
    public IReadOnlyDictionary<string, object?> Named { get; }
    public IReadOnlyList<ParameterInfo> Parameters { get; }

    public bool SupportsShouldProcess => Named.TryGetValue("SupportsShouldProcess", out var v) && v is true;

    /// <summary>ConfirmImpact as its enum name (Medium when not given, as PowerShell assumes).</summary>
    public string ConfirmImpact => Named.TryGetValue("ConfirmImpact", out var v) ? ((int)v! switch { 0 => "None", 1 => "Low", 2 => "Medium", 3 => "High", var n => n.ToString() }) : "Medium";

    public string? DefaultParameterSetName => Named.TryGetValue("DefaultParameterSetName", out var v) ? v as string : null;

    public IEnumerable<CustomAttributeData> Attributes(string name) =>
        Type.GetCustomAttributesData().Where(a => a.AttributeType.Name == name);

    public ParameterInfo Parameter(string name) => Parameters.Single(p => p.Name == name);

    /// <summary>Every parameter set the cmdlet declares (not counting the all-sets placeholder).</summary>
    public ISet<string> SetNames()
    {
        var sets = Parameters.SelectMany(p => p.Sets.Select(s => s.SetName)).Where(s => s != AllSets).ToHashSet();
        if (sets.Count == 0) sets.Add(AllSets);
        return sets;
    }
}

/// <summary>One parameter: its type, aliases and, per parameter set, how it binds.</summary>
public sealed class ParameterInfo
{
    public ParameterInfo(PropertyInfo property, IList<CustomAttributeData> attributes)
    {
        Property = property;
        Sets = attributes.Where(a => a.AttributeType.Name == "ParameterAttribute").Select(a => new ParameterSetEntry(a)).ToList();
        Aliases = attributes.Where(a => a.AttributeType.Name == "AliasAttribute")
            .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!))
            .ToList();
        AttributeNames = attributes.Select(a => a.AttributeType.Name).ToList();
    }

    public PropertyInfo Property { get; }
    public string Name => Property.Name;
    public Type Type => Property.PropertyType;
    public IReadOnlyList<ParameterSetEntry> Sets { get; }
    public IReadOnlyList<string> Aliases { get; }
    public IReadOnlyList<string> AttributeNames { get; }

    public IEnumerable<string> Names => new[] { Name }.Concat(Aliases);

    public bool InSet(string set) => Sets.Any(s => s.SetName == CmdletInfo.AllSets || s.SetName == set);

    public ParameterSetEntry? For(string set) => Sets.FirstOrDefault(s => s.SetName == set) ?? Sets.FirstOrDefault(s => s.SetName == CmdletInfo.AllSets);
}

/// <summary>One [Parameter] attribute: the set it belongs to and its binding flags.</summary>
public sealed class ParameterSetEntry
{
    public ParameterSetEntry(CustomAttributeData parameter)
    {
        var named = parameter.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
        SetName = named.TryGetValue("ParameterSetName", out var set) ? (string)set! : CmdletInfo.AllSets;
        Mandatory = named.TryGetValue("Mandatory", out var m) && m is true;
        ValueFromPipeline = named.TryGetValue("ValueFromPipeline", out var v) && v is true;
        ValueFromPipelineByPropertyName = named.TryGetValue("ValueFromPipelineByPropertyName", out var p) && p is true;
        Position = named.TryGetValue("Position", out var pos) ? (int?)pos : null;
    }

    public string SetName { get; }
    public bool Mandatory { get; }
    public bool ValueFromPipeline { get; }
    public bool ValueFromPipelineByPropertyName { get; }
    public int? Position { get; }
}
