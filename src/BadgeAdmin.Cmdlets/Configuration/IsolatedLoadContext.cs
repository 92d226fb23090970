#if NETCOREAPP
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace BadgeAdmin.Cmdlets.Configuration;

/// <summary>
/// A private load context for what the module ships in one folder (BadgeAdmin.Yaml and its YamlDotNet): those load
/// from there whatever else the session has loaded. <c>shared</c> (BadgeAdmin.Core) is handed back as the copy already
/// loaded, so no type of ours exists twice; anything else (the framework, what PowerShell ships) comes from the default
/// context, never as a private copy.
/// </summary>
internal sealed class IsolatedLoadContext : AssemblyLoadContext
{
    private readonly string _folder;
    private readonly Assembly _shared;

    public IsolatedLoadContext(string folder, Assembly shared)
        : base("BadgeAdmin.Yaml", isCollectible: false)
    {
        _folder = folder;
        _shared = shared;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == _shared.GetName().Name) return _shared;
        var path = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
#endif
