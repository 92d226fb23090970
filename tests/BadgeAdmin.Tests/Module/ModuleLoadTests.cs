using System.Diagnostics;
using System.Text.Json;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Module;

/// <summary>
/// The load-context boundary, proven in a separate process that loads out/BadgeAdmin as PowerShell 7 does while the
/// host has its own (newer) System.Text.Json: the module's core and JSON stack load privately from dependencies/.
/// </summary>
public sealed class ModuleLoadTests
{
    private static JsonElement Probe()
    {
        var probe = AppContext.BaseDirectory.Replace("BadgeAdmin.Tests", "BadgeAdmin.ModuleLoadProbe");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(probe, "BadgeAdmin.ModuleLoadProbe.dll"), Path.Combine(BuiltModule.RepoRoot, "out", "BadgeAdmin") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the probe did not finish");
        Assert.True(process.ExitCode == 0, $"the probe failed: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public void PowerShell_7_loads_the_cmdlets_by_default_and_the_core_and_its_json_privately()
    {
        var report = Probe();

        Assert.False(report.TryGetProperty("exportedTypesError", out var scan), $"the type scan before the import hook failed: {scan}");
        Assert.True(report.GetProperty("exportedTypes").GetInt32() > 20);
        Assert.Equal("Default", report.GetProperty("cmdletsContext").GetString());
        Assert.Equal("BadgeAdmin", report.GetProperty("coreContext").GetString());
        Assert.Equal("BadgeAdmin", report.GetProperty("System.Text.JsonContext").GetString());
        Assert.Equal("BadgeAdmin", report.GetProperty("Microsoft.Bcl.AsyncInterfacesContext").GetString());
        Assert.EndsWith(Path.Combine("out", "BadgeAdmin", "dependencies", "System.Text.Json.dll"), report.GetProperty("System.Text.JsonLocation").GetString());
        Assert.Equal("8.0.0.0", report.GetProperty("System.Text.JsonVersion").GetString());
        Assert.NotEqual("8.0.0.0", report.GetProperty("hostJsonVersion").GetString()); // another version lives beside it
        Assert.Equal("read by the isolated System.Text.Json", report.GetProperty("jsonWorks").GetString());
        Assert.True(report.GetProperty("bclSameForCmdletsAndCore").GetBoolean());
    }
}
