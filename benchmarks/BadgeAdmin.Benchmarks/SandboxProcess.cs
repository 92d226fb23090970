using System.Diagnostics;
using System.Net.Http.Json;

namespace BadgeAdmin.Benchmarks;

/// <summary>The sandbox in its own process (out/Sandbox), on a free loopback port.</summary>
internal sealed class SandboxProcess : IDisposable
{
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SandboxProcess> StartAsync(params string[] options)
    {
        var dll = Path.Combine(RepoRoot(), "out", "Sandbox", "BadgeAdmin.Sandbox.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build first: {dll} is missing.");
        var addressFile = Path.Combine(Path.GetTempPath(), $"badgeadmin-bench-{Guid.NewGuid():N}.txt");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // Workstation GC with a large gen 0: fewer, shorter pauses in the server, so they do not land at random on
        // whichever side of a comparison happens to be running.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_GCgen0size"] = "0x4000000";
        foreach (var argument in new[] { dll, "--urls", "http://127.0.0.1:0", "--address-file", addressFile }.Concat(options)) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(addressFile) || new FileInfo(addressFile).Length == 0)
        {
            if (process.HasExited) throw new InvalidOperationException("The sandbox exited: " + await process.StandardError.ReadToEndAsync());
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The sandbox did not start.");
            await Task.Delay(100);
        }

        var address = new Uri((await File.ReadAllTextAsync(addressFile)).Trim());
        File.Delete(addressFile);
        return new SandboxProcess(process, address);
    }

    public async Task<T> GetAsync<T>(string controlPath)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        return (await http.GetFromJsonAsync<T>(controlPath))!;
    }

    public async Task ResetAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        (await http.PostAsync("_sandbox/reset", null)).EnsureSuccessStatusCode();
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BadgeAdmin.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("BadgeAdmin.sln not found above the benchmark.");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}

/// <summary>The sandbox's default keys (it runs in its own process, so they are not taken from its assembly).</summary>
internal static class SandboxKeys
{
    public const string Snag = "sandbox-snag";
}
