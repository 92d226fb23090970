using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BadgeAdmin.Benchmarks;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;
using BadgeAdmin.Testing;


// dotnet run -c Release --project benchmarks/BadgeAdmin.Benchmarks -- [all|listing|memory]
// The client layer alone, without PowerShell. Bulk updates through the cmdlets are measured in pwsh by
// benchmarks/Measure-BulkUpdate.ps1. Each scenario prints its figures next to its target; exit code 1 when one is missed.
var which = args.Length > 0 ? args[0] : "all";
var results = new List<(string Name, string Measured, string Target, bool Met)>();
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (which is "all" or "listing") await Listing();
if (which is "all" or "memory") await Memory();

Console.WriteLine();
Console.WriteLine($"{"Benchmark",-58} {"Measured",-22} {"Target",-20} Result");
foreach (var r in results) Console.WriteLine($"{r.Name,-58} {r.Measured,-22} {r.Target,-20} {(r.Met ? "met" : "MISSED")}");
return results.All(r => r.Met) ? 0 : 1;

// 1. Listing 10,000 badges: the module's client against a plain HttpClient + System.Text.Json reading the same pages.
async Task Listing()
{
    const int badges = 10_000;
    using var sandbox = await SandboxDriver.StartProcessAsync("--snag-badges", badges.ToString(CultureInfo.InvariantCulture));
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

// 2. Streaming 100,000 badges: peak managed memory above the start.
async Task Memory()
{
    const int badges = 100_000;
    using var sandbox = await SandboxDriver.StartProcessAsync("--snag-badges", badges.ToString(CultureInfo.InvariantCulture));
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
