using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>Remove-Module BadgeAdmin disposes the runspace's connections and their HTTP clients.</summary>
public sealed class ModuleCleanup : IModuleAssemblyCleanup
{
    public void OnRemove(PSModuleInfo psModuleInfo) => ConnectionRegistry.ForCurrentRunspace().Clear();
}
