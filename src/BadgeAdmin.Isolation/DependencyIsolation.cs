using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace BadgeAdmin.Isolation;

/// <summary>
/// Installs, once per process, a private load context for the assemblies in the module's dependencies folder, and
/// lets the default context (where PowerShell loaded the cmdlets) find BadgeAdmin.Core there.
/// </summary>
public static class DependencyIsolation
{
    private static readonly object Gate = new();
    private static DependencyLoadContext? _context;

    public static void Install(string dependencyDirectory)
    {
        lock (Gate)
        {
            if (_context is not null) return;
            var context = new DependencyLoadContext(dependencyDirectory);
            AssemblyLoadContext.Default.Resolving += (_, name) => context.ResolveForDefault(name);
            _context = context;
        }
    }
}

/// <summary>
/// Loads BadgeAdmin.Core and its third-party closure from the dependencies folder, apart from the default context, so
/// another module's System.Text.Json (or Microsoft.Bcl.AsyncInterfaces) never meets ours. Everything else, the
/// framework above all, comes from the default context.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> Private = new(StringComparer.OrdinalIgnoreCase)
    {
        "BadgeAdmin.Core", "System.Text.Json", "System.Text.Encodings.Web", "Microsoft.Bcl.AsyncInterfaces",
    };

    private readonly string _directory;
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.OrdinalIgnoreCase);

    public DependencyLoadContext(string directory)
        : base("BadgeAdmin", isCollectible: false) => _directory = directory;

    protected override Assembly? Load(AssemblyName assemblyName) => LoadPrivate(assemblyName);

    /// <summary>
    /// The default context asks for BadgeAdmin.Core (the cmdlets reference it) or a shared dependency: answer with
    /// this context's copy, and only when it satisfies the version asked for, so a module needing a newer one is not
    /// handed ours.
    /// </summary>
    internal Assembly? ResolveForDefault(AssemblyName assemblyName) => LoadPrivate(assemblyName);

    private Assembly? LoadPrivate(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null || !Private.Contains(name)) return null;
        lock (_loaded)
        {
            if (_loaded.TryGetValue(name, out var loaded)) return Satisfies(loaded.GetName(), assemblyName) ? loaded : null;
            var path = Path.Combine(_directory, name + ".dll");
            if (!File.Exists(path) || !Satisfies(AssemblyName.GetAssemblyName(path), assemblyName)) return null;
            loaded = LoadFromAssemblyPath(path);
            _loaded[name] = loaded;
            return loaded;
        }
    }

    private static bool Satisfies(AssemblyName available, AssemblyName wanted) =>
        wanted.Version is null || available.Version is null || available.Version >= wanted.Version;
}
