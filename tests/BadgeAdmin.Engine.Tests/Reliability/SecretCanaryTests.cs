using System.Collections;
using System.Security;
using System.Text.RegularExpressions;
using BadgeAdmin.Engine.Tests.Support;
using static BadgeAdmin.Engine.Tests.Support.SessionScripts;
using BadgeAdmin.Sandbox;

namespace BadgeAdmin.Engine.Tests.Reliability;

/// <summary>A sandbox that accepts only the canary keys.</summary>
public sealed class CanarySandboxEngineFixture : SandboxEngineFixture
{
    public const string PartnerPageCanary = "canary-pp-5f1c2e7a9b31d4";
    public const string SnagCanary = "canary-snag-8d3b6a0c4e27f1";

    protected override SandboxOptions CreateOptions() => new() { Port = 0, PartnerPageKey = PartnerPageCanary, SnagKey = SnagCanary };
}

/// <summary>
/// A canary key run through every cmdlet and every fault path in the engine, with every stream captured and debug
/// bodies on. The key appears nowhere a user could see or save it: not in any stream, object, $Error, Get-Error,
/// Export-Clixml of errors and objects, exception (inner ones included), nor the sandbox's request log, even when the
/// server echoes it back in an error body.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SecretCanaryTests : IClassFixture<CanarySandboxEngineFixture>
{
    private const string PartnerPrefix = "/api/directory/private/v1alpha/";
    private const string Wallet = "0x00000000000000000000000000000000000000c1";
    private static readonly string[] Canaries = { CanarySandboxEngineFixture.PartnerPageCanary, CanarySandboxEngineFixture.SnagCanary };

    private readonly CanarySandboxEngineFixture _sandbox;
    private readonly EngineSession _session;

    // Everything the run produced, as the C# host saw it.
    private readonly List<PSObject> _objects = new();
    private readonly List<ErrorRecord> _errors = new();
    private readonly List<string> _warnings = new();
    private readonly List<string> _debug = new();
    private readonly List<string> _texts = new();
    private readonly HashSet<string> _commandsRun = new(StringComparer.OrdinalIgnoreCase);

    public SecretCanaryTests(CanarySandboxEngineFixture sandbox)
    {
        _sandbox = sandbox;
        _session = sandbox.Reset();
    }

    /// <summary>
    /// Runs one step with every preference at Continue, keeping every stream (information and progress too) and any
    /// terminating error. Keys reach the script only through variables, so the script text cannot leak them.
    /// </summary>
    private IReadOnlyList<PSObject> Step(string script, params (string Name, object? Value)[] variables)
    {
        foreach (Match command in Regex.Matches(script, @"\b[A-Z][a-z]+-[A-Za-z]+\b")) _commandsRun.Add(command.Value);
        _session.Run("$null", variables).ThrowIfErrors();
        var (shell, pending) = _session.Begin("""
            $DebugPreference = $VerbosePreference = $WarningPreference = $InformationPreference = 'Continue'
            $ErrorActionPreference = 'Continue'
            """ + "\n" + script);
        using (shell)
        {
            var output = new List<PSObject>();
            try
            {
                output.AddRange(shell.EndInvoke(pending).Where(o => o is not null));
            }
            catch (RuntimeException ex)
            {
                _errors.Add(ex.ErrorRecord);
                _texts.AddRange(Chain(ex));
            }

            _objects.AddRange(output);
            _errors.AddRange(shell.Streams.Error);
            _warnings.AddRange(shell.Streams.Warning.Select(w => w.Message));
            _debug.AddRange(shell.Streams.Debug.Select(d => d.Message));
            _texts.AddRange(shell.Streams.Verbose.Select(v => v.Message));
            _texts.AddRange(shell.Streams.Information.Select(i => $"{i.MessageData} {string.Join(",", i.Tags)}"));
            _texts.AddRange(shell.Streams.Progress.Select(p => $"{p.Activity} {p.StatusDescription} {p.CurrentOperation}"));
            return output;
        }
    }

    [Fact]
    public async Task The_key_never_appears_in_any_stream_object_error_or_log()
    {
        var entry = _sandbox.EntryIds[0];
        var attached = _sandbox.Server.State.PartnerPage.BadgesOf(entry).Select(b => b.BadgeId).ToHashSet();
        var free = _sandbox.Server.State.PartnerPage.DirectoryBadgeIds.First(id => !attached.Contains(id));
        var uri = _sandbox.BaseAddress;
        _session.Run("$Error.Clear()").ThrowIfErrors();
        try
        {
            // Every PartnerPage cmdlet on the happy path.
            Step("Connect-PartnerPage -ApiKey $Key -BaseUri $Uri -PassThru -MaxRetries 0 -TimeoutSec 1",
                ("Key", Secure(CanarySandboxEngineFixture.PartnerPageCanary)), ("Uri", uri));
            Step("Get-PartnerEntry");
            Step("Get-PartnerBadge -EntryId $Entry", ("Entry", entry));
            Step("New-PartnerBadge -EntryId $Entry -BadgeId $Free -Order 3", ("Free", free));
            Step("Set-PartnerBadge -EntryId $Entry -Id $Free -Order 1 -PassThru");
            Step("Remove-PartnerBadge -EntryId $Entry -Id $Free -PassThru -Confirm:$false");
            Step("Get-PartnerDirectory");
            Step("Get-PartnerDirectoryBadge -DirectoryId $Directory", ("Directory", BadgeAdmin.Sandbox.PartnerPage.PartnerPageData.PartnerDirectoryId));
            Step("$made = New-PartnerDirectoryBadge -DirectoryId $Directory -Name Canary -Image https://cdn.example/c.png; $made");
            Step("$made | Set-PartnerDirectoryBadge -Name 'Canary 2' -PassThru");
            Step("$made | Remove-PartnerDirectoryBadge -PassThru -Confirm:$false");

            // Every Snag cmdlet on the happy path, the key from the environment this time.
            Step("$env:SNAG_API_KEY = $KeyText; $env:SNAG_BASE_URI = $Uri; Connect-Snag -OrganizationId $Org -WebsiteId $Site -PassThru -MaxRetries 1 -TimeoutSec 1",
                ("KeyText", CanarySandboxEngineFixture.SnagCanary), ("Org", _sandbox.OrganizationId), ("Site", _sandbox.MainWebsiteId));
            Step("Get-BadgeAdminConnection");
            Step("Get-LoyaltyWebsite");
            Step("Get-LoyaltyBadge -PageSize 5 -Id $Badge", ("Badge", StableId.For("snag/badge/2499")));
            var created = Step("New-LoyaltyBadge -Name Canary -ImageUrl https://cdn.example/c.png -Condition @{ type = 'points'; amount = 5 }")
                .Select(o => o.Properties["Id"]?.Value).OfType<Guid>().Single();
            Step("Set-LoyaltyBadge -Id $Created -Description 'Still secret-free' -PassThru", ("Created", created));
            _sandbox.Server.State.SnagDataJobMs = 0;
            Step("Set-LoyaltyBadge -Id $Created -Reward @{ rewardType = 'points'; amount = 1 } -CsvFile https://files.example/c.csv -PassThru | Wait-LoyaltyBadgeDataJob -TimeoutSec 10");
            Step("Get-LoyaltyBadge -UserGroupExternalIdentifier vip -First 1");
            Step("Grant-LoyaltyBadge -BadgeId $Created -WalletAddress $Wallet", ("Wallet", Wallet));
            Step("Get-LoyaltyBadgeUser -BadgeId $Created");
            Step("Revoke-LoyaltyBadge -BadgeId $Created -WalletAddress $Wallet -Confirm:$false");
            Step("@($Wallet, '0x00000000000000000000000000000000000000ca') | Sync-LoyaltyBadgeHolder -BadgeId $Created -Prune -Confirm:$false");
            Step("Remove-LoyaltyBadge -Id $Created -PassThru -Confirm:$false");

            // Badges as code, both services: the file written, the plan, a sync; the file's text is checked too.
            var file = Path.Combine(Path.GetTempPath(), $"canary-{Guid.NewGuid():N}.yaml");
            try
            {
                Step("Export-BadgeConfiguration -Path $File -DirectoryId $Directory; Get-Content -Raw -Path $File", ("File", file), ("Directory", BadgeAdmin.Sandbox.PartnerPage.PartnerPageData.PartnerDirectoryId));
                Step("(Get-Content -Raw -Path $File) -replace 'name: Gold Partner\n', 'name: Gold Partners\n' -replace 'badge: Gold Partner\n', 'badge: Gold Partners\n' | Set-Content -Path $File -NoNewline; Compare-BadgeConfiguration -Path $File", ("File", file));
                Step("Sync-BadgeConfiguration -Path $File -Prune -Confirm:$false -PassThru -Verbose", ("File", file));
            }
            finally
            {
                File.Delete(file);
            }

            // Every fault path, including servers that echo the key back.
            var echoes = new[]
            {
                new { status = 500, body = $"{{\"message\":\"upstream said Authorization: {CanarySandboxEngineFixture.PartnerPageCanary}\"}}", contentType = "application/json" },
                new { status = 400, body = $"{{\"order\":[\"bad order for key {CanarySandboxEngineFixture.PartnerPageCanary}\"]}}", contentType = "application/json" },
                new { status = 200, body = $"<html>debug: X-API-KEY={CanarySandboxEngineFixture.PartnerPageCanary}</html>", contentType = "text/html" },
                new { status = 502, body = $"<html>proxy saw {CanarySandboxEngineFixture.PartnerPageCanary}</html>", contentType = "text/html" },
                // Echoed in another case, inside a JSON literal the parser quotes, and cut at the 200-character excerpt.
                new { status = 500, body = $"{{\"message\":\"upstream said {CanarySandboxEngineFixture.PartnerPageCanary.ToUpperInvariant()}\"}}", contentType = "application/json" },
                new { status = 200, body = $"t{CanarySandboxEngineFixture.PartnerPageCanary}", contentType = "application/json" },
                new { status = 200, body = "<html>" + new string('A', 184) + CanarySandboxEngineFixture.PartnerPageCanary + "</html>", contentType = "text/html" },
            };
            foreach (var echo in echoes)
            {
                await _sandbox.AddFaultAsync(new { path = PartnerPrefix + "*", echo.status, echo.body, echo.contentType });
                Step("Get-PartnerEntry -Id $Entry");
            }

            await _sandbox.AddFaultAsync(new { path = "/api/loyalty/*", status = 500, body = $"{{\"message\":\"key {CanarySandboxEngineFixture.SnagCanary} rejected\"}}" });
            Step("Get-LoyaltyBadgeUser -BadgeId $Created");
            Step("Wait-LoyaltyBadgeDataJob -BadgeId $Created -TimeoutSec 1"); // the echo in a warning, then in the timeout error
            await _sandbox.AddFaultAsync(new { path = PartnerPrefix + "*", abort = true });
            Step("Get-PartnerEntry -Id $Entry");
            await _sandbox.AddFaultAsync(new { path = PartnerPrefix + "*", stall = true });
            Step("Get-PartnerEntry -Id $Entry");
            await _sandbox.AddFaultAsync(new { path = "/api/websites", status = 429, retryAfter = "0" });
            Step("Get-LoyaltyWebsite");
            Step("Connect-PartnerPage -ApiKey $WrongKey -BaseUri $Uri", ("WrongKey", Secure(CanarySandboxEngineFixture.SnagCanary))); // the wrong service's key: 401
            Step("Get-PartnerEntry -Id $Entry");
            Step("Connect-Snag -BaseUri http://badge.example/"); // refused: http to a remote host
            Step("Disconnect-PartnerPage");
            Step("Disconnect-Snag");
        }
        finally
        {
            Environment.SetEnvironmentVariable("SNAG_API_KEY", null);
            Environment.SetEnvironmentVariable("SNAG_BASE_URI", null);
        }

        // What a user keeps or shows afterwards: $Error, Get-Error, Format-List, Export-Clixml, inner exceptions.
        var saved = _session.Run("""
            $path = Join-Path ([IO.Path]::GetTempPath()) ("canary-" + [guid]::NewGuid() + ".xml")
            try {
                $Error | Export-Clixml -Path $path -Depth 4
                Get-Content -Raw -Path $path
                $Objects | Export-Clixml -Path $path -Depth 4
                Get-Content -Raw -Path $path
            } finally { Remove-Item -Path $path -ErrorAction SilentlyContinue }
            $Error | Format-List * -Force | Out-String -Width 4096
            $Error | Get-Error | Out-String -Width 4096
            $Objects | Format-List * -Force | Out-String -Width 4096
            foreach ($record in $Error) {
                for ($e = $record.Exception; $e; $e = $e.InnerException) {
                    $e.ToString()
                    $e | Format-List * -Force | Out-String -Width 4096
                }
            }
            $Error.Count
            """, ("Objects", _objects.ToArray())).ThrowIfErrors();
        var savedTexts = saved.Output.Select(o => o.ToString()).ToList();

        // The run did what it claims: every cmdlet, successes, errors of each kind, warnings, debug bodies, a scrubbed echo.
        var moduleCommands = _session.Run("(Get-Command -Module BadgeAdmin).Name").ThrowIfErrors().Output.Select(o => o.ToString()).ToList();
        Assert.Equal(EngineSession.ExportedCmdlets.Count, moduleCommands.Count);
        Assert.Empty(moduleCommands.Except(_commandsRun, StringComparer.OrdinalIgnoreCase));
        Assert.Contains(_objects, o => o.TypeNames[0].EndsWith(".PartnerBadge", StringComparison.Ordinal));
        Assert.Contains(_objects, o => o.TypeNames[0].EndsWith(".LoyaltyBadgeUserChange", StringComparison.Ordinal));
        var errorIds = _errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToList();
        foreach (var id in new[] { "ApiKeyRejected", "RequestTimedOut", "ConnectionFailed", "InvalidResponse", "InvalidBaseUri" }) Assert.Contains(id, errorIds);
        Assert.True(int.Parse(savedTexts[^1], System.Globalization.CultureInfo.InvariantCulture) >= _errors.Count, "$Error holds every error the run wrote");
        Assert.NotEmpty(_warnings);
        Assert.Contains(_debug, d => d.Contains("Authorization: ***", StringComparison.Ordinal));
        Assert.Contains(_debug, d => d.Contains("X-API-KEY: ***", StringComparison.Ordinal));
        Assert.Contains(_errors, e => (e.ErrorDetails?.Message ?? "").Contains("***", StringComparison.Ordinal));
        Assert.Contains(savedTexts, t => t.Contains("ApiKeyRejected", StringComparison.Ordinal)); // the saved forms really hold the errors

        var everything = _texts
            .Concat(_warnings).Concat(_debug)
            .Concat(_errors.SelectMany(Describe))
            .Concat(_objects.SelectMany(Describe))
            .Concat(savedTexts)
            .Append((await _sandbox.RequestLogAsync()).ToJsonString())
            .ToList();
        foreach (var canary in Canaries)
        {
            // In any case, and not even its first ten characters (a key cut at an excerpt's edge).
            Assert.DoesNotContain(everything, text => text.Contains(canary[..10], StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>An exception and every inner one: ToString (message, type, stack) and its Data.</summary>
    private static IEnumerable<string> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e.ToString();
            foreach (DictionaryEntry item in e.Data) yield return $"{item.Key}={item.Value}";
        }
    }

    private static IEnumerable<string> Describe(ErrorRecord error) =>
        new[]
        {
            error.ToString(), error.FullyQualifiedErrorId, error.CategoryInfo.ToString(), error.TargetObject?.ToString() ?? "",
            error.ErrorDetails?.Message ?? "", error.ErrorDetails?.RecommendedAction ?? "", error.InvocationInfo?.PositionMessage ?? "",
        }.Concat(Chain(error.Exception));

    /// <summary>What Format-List * shows of an object: every property value, one level down into lists.</summary>
    private static IEnumerable<string> Describe(PSObject item)
    {
        yield return item.ToString();
        foreach (var property in item.Properties)
        {
            object? value;
            try
            {
                value = property.Value;
            }
            catch (GetValueException)
            {
                continue; // a property whose getter throws shows nothing
            }

            if (value is IEnumerable list and not string) foreach (var element in list) yield return $"{property.Name}={element}";
            else yield return $"{property.Name}={value}";
        }
    }
}
