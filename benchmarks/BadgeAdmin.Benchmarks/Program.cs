using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BadgeAdmin.Benchmarks;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;


// dotnet run -c Release --project benchmarks/BadgeAdmin.Benchmarks -- [all|throttle|listing|memory]
// Each scenario prints its figures next to its target; the exit code is 1 when a target is missed.
var which = args.Length > 0 ? args[0] : "all";
var results = new List<(string Name, string Measured, string Target, bool Met)>();
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (which is "all" or "throttle") await Throttle();
if (which is "all" or "listing") await Listing();
if (which is "all" or "memory") await Memory();

Console.WriteLine();
Console.WriteLine($"{"Benchmark",-58} {"Measured",-22} {"Target",-20} Result");
foreach (var r in results) Console.WriteLine($"{r.Name,-58} {r.Measured,-22} {r.Target,-20} {(r.Met ? "met" : "MISSED")}");
return results.All(r => r.Met) ? 0 : 1;

// 1. 1,000 Set-LoyaltyBadge updates at 20 ms of latency, -ThrottleLimit 1, 4 and 16.
async Task Throttle()
{
    using var sandbox = await SandboxProcess.StartAsync("--latency-ms", "20");
    var seed = await sandbox.GetAsync<JsonElement>("_sandbox/seed");
    var website = Guid.Parse(seed.GetProperty("snag").GetProperty("mainWebsiteId").GetString()!);
    var times = new Dictionary<int, TimeSpan>();
    foreach (var throttle in new[] { 1, 4, 16 })
    {
        await sandbox.ResetAsync();
        using var connection = new SnagConnection(new ConnectionSettings(sandbox.BaseAddress, SnagConnection.ApiKeyHeader, SandboxKeys.Snag), "benchmark");
        var ids = await connection.Client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = website }).Take(1000).Select(b => b.Id).ToListAsync();
        var runtime = new BenchmarkRuntime();
        runtime.Connections.SetSnag(connection);
        var cmdlet = new SetLoyaltyBadgeCommand { Description = $"throttle {throttle}", ThrottleLimit = throttle, PassThruRequested = true, Runtime = runtime };
        var clock = Stopwatch.StartNew();
        cmdlet.InvokeBegin();
        foreach (var id in ids)
        {
            cmdlet.Id = id;
            cmdlet.InvokeRecord();
        }

        cmdlet.InvokeEnd();
        clock.Stop();
        cmdlet.Dispose();
        if (runtime.Objects != 1000 || runtime.Errors.Count > 0) throw new InvalidOperationException($"throttle {throttle}: {runtime.Objects} updated, errors: {string.Join("; ", runtime.Errors.Take(3))}");
        times[throttle] = clock.Elapsed;
        Console.WriteLine($"throttle {throttle,2}: 1,000 updates in {clock.Elapsed.TotalSeconds:0.00} s ({1000 / clock.Elapsed.TotalSeconds:0} per second)");
    }

    foreach (var throttle in new[] { 1, 4, 16 }) results.Add(($"1,000 updates at 20 ms, -ThrottleLimit {throttle}", $"{times[throttle].TotalSeconds:0.00} s", "", true));
    var speedup = times[1] / times[16];
    results.Add(("Throttle 16 speed-up over throttle 1", $"{speedup:0.0}x", ">= 12x", speedup >= 12));
}

// 2. Listing 10,000 badges: the module's client against a plain HttpClient + System.Text.Json reading the same pages.
async Task Listing()
{
    const int badges = 10_000;
    using var sandbox = await SandboxProcess.StartAsync("--snag-badges", badges.ToString(CultureInfo.InvariantCulture));
    var website = Guid.Parse((await sandbox.GetAsync<JsonElement>("_sandbox/seed")).GetProperty("snag").GetProperty("mainWebsiteId").GetString()!);
    using var connection = new SnagConnection(new ConnectionSettings(sandbox.BaseAddress, SnagConnection.ApiKeyHeader, SandboxKeys.Snag), "benchmark");
    using var plain = new HttpClient { BaseAddress = sandbox.BaseAddress };
    plain.DefaultRequestHeaders.Add("X-API-KEY", SandboxKeys.Snag);

    async Task<int> Module()
    {
        var count = 0;
        await foreach (var _ in connection.Client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = website })) count++;
        return count;
    }

    async Task<int> Baseline()
    {
        var count = 0;
        Guid? after = null;
        while (true)
        {
            var url = $"api/loyalty/badges?websiteId={website}&limit=1000" + (after is { } a ? $"&startingAfter={a}" : "");
            using var response = await plain.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            var page = (await JsonSerializer.DeserializeAsync(stream, BadgeAdmin.Core.Snag.SnagJsonContext.Default.SnagPageLoyaltyBadge))!;
            count += page.Data!.Count;
            if (!page.HasNextPage) return count;
            after = page.Data[^1].Id;
        }
    }

    async Task<(double Seconds, double Bytes)> Measure(Func<Task<int>> list)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var count = await list();
        clock.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (count != badges) throw new InvalidOperationException($"listed {count} of {badges}");
        return (clock.Elapsed.TotalSeconds, bytes);
    }

    for (var i = 0; i < 3; i++)
    {
        await Measure(Module);
        await Measure(Baseline);
    }

    // Paired runs, alternating which goes first; the ratio of each pair cancels the machine's slow drifts.
    var module = new List<(double Seconds, double Bytes)>();
    var baseline = new List<(double Seconds, double Bytes)>();
    for (var i = 0; i < 9; i++)
    {
        if (i % 2 == 0)
        {
            module.Add(await Measure(Module));
            baseline.Add(await Measure(Baseline));
        }
        else
        {
            baseline.Add(await Measure(Baseline));
            module.Add(await Measure(Module));
        }
    }

    static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
    var timeRatio = Median(module.Zip(baseline, (m, b) => m.Seconds / b.Seconds));
    var bytesRatio = Median(module.Zip(baseline, (m, b) => m.Bytes / b.Bytes));
    var (moduleTime, baselineTime) = (Median(module.Select(m => m.Seconds)), Median(baseline.Select(b => b.Seconds)));
    var (moduleBytes, baselineBytes) = (Median(module.Select(m => m.Bytes)), Median(baseline.Select(b => b.Bytes)));
    Console.WriteLine($"listing {badges:N0}: module {moduleTime * 1e6 / badges:0.0} us and {moduleBytes / badges:N0} B per badge; baseline {baselineTime * 1e6 / badges:0.0} us and {baselineBytes / badges:N0} B per badge (medians of 9)");
    results.Add(($"Listing 10,000 badges: time per badge (module / baseline)", $"{moduleTime * 1e6 / badges:0.0} / {baselineTime * 1e6 / badges:0.0} us, {timeRatio:0.00}x", "<= 1.3x baseline", timeRatio <= 1.3));
    results.Add(($"Listing 10,000 badges: bytes allocated per badge", $"{moduleBytes / badges:N0} / {baselineBytes / badges:N0} B, {bytesRatio:0.00}x", "<= 1.3x baseline", bytesRatio <= 1.3));
}

// 3. Streaming 100,000 badges: peak managed memory above the start.
async Task Memory()
{
    const int badges = 100_000;
    using var sandbox = await SandboxProcess.StartAsync("--snag-badges", badges.ToString(CultureInfo.InvariantCulture));
    var website = Guid.Parse((await sandbox.GetAsync<JsonElement>("_sandbox/seed")).GetProperty("snag").GetProperty("mainWebsiteId").GetString()!);
    using var connection = new SnagConnection(new ConnectionSettings(sandbox.BaseAddress, SnagConnection.ApiKeyHeader, SandboxKeys.Snag), "benchmark");

    var start = GC.GetTotalMemory(forceFullCollection: true);
    long peak = start;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(false));
            await Task.Delay(2);
        }
    });
    var count = 0;
    var clock = Stopwatch.StartNew();
    await foreach (var _ in connection.Client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = website }))
    {
        if (++count % 250 == 0) peak = Math.Max(peak, GC.GetTotalMemory(false));
    }

    clock.Stop();
    sampling.Cancel();
    await sampler;
    if (count != badges) throw new InvalidOperationException($"streamed {count} of {badges}");
    var above = (peak - start) / 1024.0 / 1024.0;
    Console.WriteLine($"streaming {badges:N0}: {clock.Elapsed.TotalSeconds:0.00} s, peak {above:0.0} MB above the start");
    results.Add(($"Streaming 100,000 badges: peak managed memory above start", $"{above:0.0} MB", "<= 64 MB", above <= 64));
}
