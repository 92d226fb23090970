using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>
/// Import and removal of the module. On import it makes the assemblies in the module's dependencies folder
/// loadable: on PowerShell 7 into a private load context (BadgeAdmin.Isolation), on Windows PowerShell 5.1 by
/// resolving them by name whatever version is asked for (.NET Framework has no binding redirects for a module).
/// No network, no HttpClient, no scanning. On removal it disposes the runspace's connections.
/// </summary>
/// <remarks>
/// PowerShell enumerates this assembly's exported types before calling OnImport, so no exported type may derive
/// from or implement a type of BadgeAdmin.Core (a test checks it): only member signatures may name them.
/// </remarks>
public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public const string DependencyFolder = "dependencies";
    private static readonly object Gate = new();
    private static string? _installedFor;

    public void OnImport() => Install(Path.Combine(Path.GetDirectoryName(typeof(ModuleLifecycle).Assembly.Location)!, DependencyFolder));

    public void OnRemove(PSModuleInfo psModuleInfo) => ConnectionRegistry.ForCurrentRunspace().Clear();

    internal static bool IsNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    /// <summary>Makes <paramref name="dependencies"/> loadable, once per process (a second import reuses it).</summary>
    internal static void Install(string dependencies)
    {
        lock (Gate)
        {
            if (_installedFor is not null) return;
            if (IsNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve += (_, args) => ResolveByName(dependencies, args.Name);
            }
            else
            {
                var isolation = Assembly.LoadFrom(Path.Combine(dependencies, "BadgeAdmin.Isolation.dll"));
                isolation.GetType("BadgeAdmin.Isolation.DependencyIsolation", throwOnError: true)!
                    .GetMethod("Install", BindingFlags.Public | BindingFlags.Static)!
                    .Invoke(null, new object[] { dependencies });
            }

            _installedFor = dependencies;
        }
    }

    /// <summary>Windows PowerShell: the shipped copy of a dependency answers for any version of it.</summary>
    private static Assembly? ResolveByName(string dependencies, string requested)
    {
        var path = Path.Combine(dependencies, new AssemblyName(requested).Name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
