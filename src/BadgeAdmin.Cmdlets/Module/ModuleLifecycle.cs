using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using BadgeAdmin.Cmdlets.Connections;

namespace BadgeAdmin.Cmdlets.Module;

/// <summary>
/// Import and removal of the module. On PowerShell 7 there is nothing to set up: the net8.0 build depends on the
/// framework alone, so every type the cmdlets and BadgeAdmin.Core share is the one the process already has. On Windows
/// PowerShell 5.1 (.NET Framework, no binding redirects for a module) the netstandard2.0 build ships System.Text.Json
/// and its closure beside it, whose references disagree on versions (System.Memory wants one Unsafe, System.Text.Json
/// another): an AssemblyResolve handler answers with the shipped copy, for the names shipped there and nothing else.
/// On removal the runspace's connections are disposed. No network, no HttpClient, no scanning.
/// </summary>
/// <remarks>
/// PowerShell enumerates this assembly's exported types before calling OnImport, so no exported type may derive
/// from or implement a type of BadgeAdmin.Core: only member signatures may name them.
/// </remarks>
public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static bool _resolverInstalled;

    public void OnImport()
    {
        if (!RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase)) return;
        lock (Gate)
        {
            if (_resolverInstalled) return;
            var folder = Path.GetDirectoryName(typeof(ModuleLifecycle).Assembly.Location)!;
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) => ResolveShipped(folder, args.Name);
            _resolverInstalled = true;
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo) => ConnectionRegistry.ForCurrentRunspace().Clear();

    /// <summary>The shipped copy of one of BadgeAdmin's own dependencies, whatever version was asked for; else null.</summary>
    private static Assembly? ResolveShipped(string folder, string requested)
    {
        var name = new AssemblyName(requested).Name;
        if (string.IsNullOrEmpty(name)) return null;
        var path = Path.Combine(folder, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
