using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Module;

/// <summary>
/// Loading the built module as users do, in sessions this class makes itself: beside another System.Text.Json, twice
/// with -Force, after Remove-Module. Each ends with a listing against the sandbox, which is where a broken load shows.
/// </summary>
/// <remarks>
/// All engine tests share one process, and other classes may have imported the module already: the assembly then is
/// loaded once for the process, as in a pwsh where a second runspace imports it. These tests stay meaningful because
/// what they check (the other System.Text.Json is not the one used, re-imports keep working) holds either way.
/// </remarks>
public sealed class ModuleLoadingTests : IClassFixture<SandboxServerFixture>
{
    private readonly SandboxServerFixture _sandbox;

    public ModuleLoadingTests(SandboxServerFixture sandbox) => _sandbox = sandbox;

    private static string ModuleFolder => Path.GetDirectoryName(EngineSession.ModuleManifest)!;

    /// <summary>Connects and lists every partner entry; the count says the module's HTTP and JSON stack worked.</summary>
    private void AssertListingWorks(EngineSession session)
    {
        _sandbox.ConnectPartnerPage(session).ThrowIfErrors();
        var entries = session.Run("Get-PartnerEntry").ThrowIfErrors();
        Assert.Equal(_sandbox.Server.State.PartnerPage.EntryIds, entries.Output.Select(e => e.GuidOf("Id")));
    }

    [Fact]
    public void The_module_imports_and_lists_after_another_module_loaded_a_different_System_Text_Json()
    {
        using var session = new EngineSession(importModule: false);
        var otherJson = Path.Combine(ModuleFolder, "bin", "netstandard2.0", "System.Text.Json.dll");

        // As another module would: its own System.Text.Json 8.0 in its own load context, used for real, and the same
        // file offered to the default context with Add-Type (refused or ignored on .NET 10, which has its own 10.0).
        var before = session.Run("""
            $other = [System.Runtime.Loader.AssemblyLoadContext]::new('other', $true)
            $json = $other.LoadFromAssemblyPath($OtherJson)
            $options = [Activator]::CreateInstance($json.GetType('System.Text.Json.JsonDocumentOptions', $true))
            $parsed = $json.GetType('System.Text.Json.JsonDocument', $true)::Parse('{"answer": 42}', $options).RootElement.GetProperty('answer').GetInt32()
            try { Add-Type -Path $OtherJson -ErrorAction Stop } catch { Write-Verbose "Add-Type refused it: $($_.FullyQualifiedErrorId)" }
            [pscustomobject]@{ Parsed = $parsed; OtherVersion = $json.GetName().Version; OwnVersion = [System.Text.Json.JsonSerializer].Assembly.GetName().Version }
            """, ("OtherJson", otherJson)).ThrowIfErrors().Output.Single();
        Assert.Equal(42, (int)before.Properties["Parsed"].Value);
        Assert.NotEqual(before.Properties["OwnVersion"].Value, before.Properties["OtherVersion"].Value); // really a different version

        session.Run("Import-Module $Manifest -ErrorAction Stop", ("Manifest", EngineSession.ModuleManifest)).ThrowIfErrors();

        AssertListingWorks(session);
        // BadgeAdmin.Core runs on the framework's System.Text.Json: the default context holds that one copy only,
        // neither the other module's nor one of the module's own.
        var json = session.Run("""
            [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -eq 'System.Text.Json' } | ForEach-Object Location
            """).ThrowIfErrors().Output.Select(o => o.ToString()).ToList();
        Assert.Equal(Path.GetDirectoryName(typeof(object).Assembly.Location), Path.GetDirectoryName(Assert.Single(json)));
    }

    [Fact]
    public void Importing_again_with_Force_twice_keeps_all_cmdlets_and_listing_works()
    {
        using var session = new EngineSession();

        session.Run("""
            Import-Module $Manifest -Force -ErrorAction Stop
            Import-Module $Manifest -Force -ErrorAction Stop
            """, ("Manifest", EngineSession.ModuleManifest)).ThrowIfErrors();

        var modules = session.Run("@(Get-Module BadgeAdmin).Count").ThrowIfErrors().Output.Single();
        var cmdlets = session.Run("Get-Command -Module BadgeAdmin").ThrowIfErrors().Output;
        Assert.Equal(1, (int)modules.BaseObject);
        Assert.Equal(EngineSession.ExportedCmdlets.Count, cmdlets.Count);
        AssertListingWorks(session);
    }

    [Fact]
    public void After_Remove_Module_the_cmdlets_and_connections_are_gone_and_a_new_import_lists_again()
    {
        using var session = new EngineSession();
        AssertListingWorks(session);

        var removed = session.Run("""
            Remove-Module BadgeAdmin -ErrorAction Stop
            [pscustomobject]@{ Modules = @(Get-Module BadgeAdmin).Count; Commands = @(Get-Command -Module BadgeAdmin -ErrorAction SilentlyContinue).Count }
            """).ThrowIfErrors().Output.Single();
        session.Run("Import-Module $Manifest -ErrorAction Stop", ("Manifest", EngineSession.ModuleManifest)).ThrowIfErrors();
        var connections = session.Run("Get-BadgeAdminConnection").ThrowIfErrors().Output;

        Assert.Equal((0, 0), ((int)removed.Properties["Modules"].Value, (int)removed.Properties["Commands"].Value));
        Assert.Empty(connections); // removal disposed the runspace's connection (ModuleLifecycle.OnRemove)
        AssertListingWorks(session);
    }

    [Fact]
    public void The_module_runs_from_the_built_folder_and_this_test_project_carries_no_copy_of_it()
    {
        // A BadgeAdmin.dll or BadgeAdmin.Core.dll in the test output would be loaded instead of out/BadgeAdmin's and
        // hide exactly the loading bugs these tests are for.
        var copies = Directory.GetFiles(AppContext.BaseDirectory, "*.dll", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "BadgeAdmin.dll" or "BadgeAdmin.Core.dll").ToList();
        using var session = new EngineSession();
        var locations = session.Run("""
            $command = Get-Command Get-PartnerEntry
            $command.ImplementingType.Assembly.Location
            $command.OutputType[0].Type.Assembly.Location
            """).ThrowIfErrors().Output.Select(o => Path.GetFullPath(o.ToString())).ToList();

        Assert.Empty(copies);
        var built = Path.GetFullPath(Path.Combine(ModuleFolder, "bin", "net8.0"));
        Assert.Equal(new[] { Path.Combine(built, "BadgeAdmin.dll"), Path.Combine(built, "BadgeAdmin.Core.dll") }, locations);
    }
}
