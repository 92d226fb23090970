using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BadgeAdmin.Testing;

/// <summary>
/// The one C# way to drive a running sandbox: through its public control routes (<c>_sandbox/…</c>), as a user or a
/// Pester suite (tests/helpers/TestSandbox.psm1) does. The xunit fixtures drive their in-process sandbox with it
/// (<see cref="InProcessSandbox"/>, tests only); the benchmarks start the sandbox in its own process with
/// <see cref="StartProcessAsync"/>, so the server's allocations are not counted as theirs.
/// </summary>
public sealed class SandboxDriver : IDisposable
{
    private readonly HttpClient _control;
    private readonly Process? _process;

    /// <param name="baseAddress">The sandbox's address.</param>
    /// <param name="process">The sandbox's own process, killed when the driver is disposed; null when someone else owns the sandbox.</param>
    public SandboxDriver(Uri baseAddress, Process? process = null)
    {
        BaseAddress = baseAddress;
        _process = process;
        _control = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts out/Sandbox (built by <c>dotnet build</c>) in a process of its own, on a free loopback port.</summary>
    /// <param name="options">Its command-line options (<c>--snag-badges 1000</c>, <c>--latency-ms 20</c>…).</param>
    public static async Task<SandboxDriver> StartProcessAsync(params string[] options)
    {
        var dll = Path.Combine(RepoRoot(), "out", "Sandbox", "BadgeAdmin.Sandbox.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build first: {dll} is missing.");
        var addressFile = Path.Combine(Path.GetTempPath(), $"badgeadmin-sandbox-{Guid.NewGuid():N}.txt");
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
            if (DateTime.UtcNow > deadline)
            {
                process.Kill();
                throw new TimeoutException("The sandbox did not start.");
            }

            await Task.Delay(100);
        }

        var address = new Uri((await File.ReadAllTextAsync(addressFile)).Trim());
        File.Delete(addressFile);
        return new SandboxDriver(address, process);
    }

    /// <summary>Scripts a fault (<c>POST _sandbox/faults</c>): a status, a stall, a body, for the requests it matches.</summary>
    public async Task AddFaultAsync(object rule)
    {
        using var response = await _control.PostAsJsonAsync("_sandbox/faults", rule);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"The sandbox refused the fault ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Changes the sandbox's settings (<c>POST _sandbox/settings</c>): rate limit, latency…</summary>
    public async Task SetAsync(object settings)
    {
        using var response = await _control.PostAsJsonAsync("_sandbox/settings", settings);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The request log as the control route shows it, oldest first.</summary>
    public async Task<JsonArray> RequestLogAsync() => (JsonNode.Parse(await _control.GetStringAsync("_sandbox/requests")) as JsonArray)!;

    /// <summary>Seed data back, request log and faults cleared.</summary>
    public async Task ResetAsync()
    {
        using var response = await _control.PostAsync("_sandbox/reset", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A control route's answer (<c>_sandbox/seed</c>…), deserialized.</summary>
    public async Task<T> GetAsync<T>(string controlPath) => (await _control.GetFromJsonAsync<T>(controlPath))!;

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BadgeAdmin.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("BadgeAdmin.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        _control.Dispose();
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
