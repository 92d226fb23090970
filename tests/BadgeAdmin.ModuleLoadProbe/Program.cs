using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

// Usage: BadgeAdmin.ModuleLoadProbe <module folder>. Prints one JSON object describing what was loaded where.
var moduleFolder = Path.GetFullPath(args.Length == 1 ? args[0] : throw new ArgumentException("Give the module folder (out/BadgeAdmin)."));
var report = new Dictionary<string, object?>();
string ContextOf(Assembly assembly) => AssemblyLoadContext.GetLoadContext(assembly)?.Name ?? "?";

// The host has its own System.Text.Json loaded, as PowerShell and other modules would.
var hostJson = typeof(JsonSerializer).Assembly;
report["hostJsonVersion"] = hostJson.GetName().Version?.ToString();

// 1. PowerShell loads the root assembly into the default context and enumerates its exported types...
var cmdlets = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(moduleFolder, "BadgeAdmin.Cmdlets.dll"));
report["cmdletsContext"] = ContextOf(cmdlets);
try
{
    report["exportedTypes"] = cmdlets.GetExportedTypes().Length;
}
catch (Exception ex)
{
    report["exportedTypesError"] = ex.GetType().Name + ": " + ex.Message;
}

// 2. ...then runs the module's import hook.
var initializer = cmdlets.GetExportedTypes().Single(t => typeof(IModuleAssemblyInitializer).IsAssignableFrom(t));
((IModuleAssemblyInitializer)Activator.CreateInstance(initializer)!).OnImport();
((IModuleAssemblyInitializer)Activator.CreateInstance(initializer)!).OnImport(); // a second import must be harmless

// 3. A cmdlet parameter typed with a BadgeAdmin.Core type makes the runtime resolve BadgeAdmin.Core.
var core = cmdlets.GetType("BadgeAdmin.Cmdlets.PartnerPage.GetPartnerEntryCommand", throwOnError: true)!.GetProperty("Connection")!.PropertyType.Assembly;
var coreContext = AssemblyLoadContext.GetLoadContext(core)!;
report["coreContext"] = coreContext.Name;
report["coreLocation"] = core.Location;

// 4. BadgeAdmin.Core's own System.Text.Json and Bcl.AsyncInterfaces: the module's copies, in its context.
foreach (var reference in core.GetReferencedAssemblies().Where(r => r.Name is "System.Text.Json" or "Microsoft.Bcl.AsyncInterfaces"))
{
    var loaded = coreContext.LoadFromAssemblyName(reference);
    report[reference.Name + "Context"] = ContextOf(loaded);
    report[reference.Name + "Location"] = loaded.Location;
    report[reference.Name + "Version"] = loaded.GetName().Version?.ToString();
}

// 5. JSON works inside the module's context (a JsonDocument parse through the module's own code).
var serverMessage = core.GetType("BadgeAdmin.Core.Http.ApiErrorBody", throwOnError: true)!
    .GetMethod("ServerMessage", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
report["jsonWorks"] = serverMessage.Invoke(null, new object[] { "{\"detail\":\"read by the isolated System.Text.Json\"}" });

// 6. The cmdlets and the core agree on Microsoft.Bcl.AsyncInterfaces (IAsyncEnumerable crosses between them).
var fromCmdlets = cmdlets.GetReferencedAssemblies().Single(r => r.Name == "Microsoft.Bcl.AsyncInterfaces");
report["bclSameForCmdletsAndCore"] = ReferenceEquals(AssemblyLoadContext.Default.LoadFromAssemblyName(fromCmdlets), coreContext.LoadFromAssemblyName(fromCmdlets));

Console.WriteLine(JsonSerializer.Serialize(report));
