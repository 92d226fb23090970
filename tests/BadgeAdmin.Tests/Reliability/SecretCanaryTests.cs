using System.Collections;
using System.Reflection;
using System.Security;
using BadgeAdmin.Cmdlets.PartnerPage;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.PartnerPage.Models;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Reliability;

/// <summary>A sandbox that accepts only the canary keys.</summary>
public sealed class CanarySandboxFixture : SandboxFixture
{
    public const string PartnerPageCanary = "canary-pp-5f1c2e7a9b31d4";
    public const string SnagCanary = "canary-snag-8d3b6a0c4e27f1";

    protected override SandboxOptions CreateOptions() => new() { Port = 0, PartnerPageKey = PartnerPageCanary, SnagKey = SnagCanary };
}

/// <summary>
/// A canary key run through every cmdlet and every fault path, with verbose, warning, debug, error and output streams
/// captured (debug bodies on). The key appears nowhere: not in any stream, object, error, exception, nor in the
/// sandbox's request log, even when the server echoes it back in an error body.
/// </summary>
public sealed class SecretCanaryTests : IClassFixture<CanarySandboxFixture>
{
    private const string PartnerPrefix = "/api/directory/private/v1alpha/";
    private readonly CanarySandboxFixture _sandbox;

    public SecretCanaryTests(CanarySandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }


    [Fact]
    public async Task The_key_never_appears_in_any_stream_object_error_or_log()
    {
        var runtime = new RecordingRuntime { DebugEnabled = true };
        runtime.Environment["SNAG_API_KEY"] = CanarySandboxFixture.SnagCanary;
        runtime.Environment["SNAG_BASE_URI"] = _sandbox.BaseAddress.ToString();
        void Run(BadgeAdminCmdlet cmdlet)
        {
            try
            {
                CmdletRunner.Run(cmdlet, runtime);
            }
            catch (TerminatingErrorException ex)
            {
                runtime.Errors.Add(ex.Error);
            }
        }

        // Every PartnerPage cmdlet on the happy path.
        Run(new ConnectPartnerPageCommand { ApiKey = TestSecrets.Secure(CanarySandboxFixture.PartnerPageCanary), BaseUri = _sandbox.BaseAddress, PassThruRequested = true, MaxRetries = 0, TimeoutSec = 1 });
        var entry = _sandbox.Server.State.PartnerPage.EntryIds[0];
        Run(new GetPartnerEntryCommand());
        Run(new GetPartnerBadgeCommand { EntryId = entry });
        var attached = _sandbox.Server.State.PartnerPage.BadgesOf(entry).Select(b => b.BadgeId).ToHashSet();
        var free = _sandbox.Server.State.PartnerPage.DirectoryBadgeIds.First(id => !attached.Contains(id));
        Run(new NewPartnerBadgeCommand { EntryId = entry, BadgeId = free, Order = 3 });
        Run(new SetPartnerBadgeCommand { EntryId = entry, Id = free, Order = 1, PassThruRequested = true });
        Run(new RemovePartnerBadgeCommand { EntryId = entry, Id = free, PassThruRequested = true });

        // Every Snag cmdlet on the happy path.
        Run(new ConnectSnagCommand { OrganizationId = _sandbox.Snag.OrganizationId, WebsiteId = _sandbox.Snag.MainWebsite.Id, PassThruRequested = true, MaxRetries = 1, TimeoutSec = 1 });
        Run(new GetLoyaltyWebsiteCommand());
        Run(new GetLoyaltyBadgeCommand { PageSize = 5, Id = new[] { StableId.For("snag/badge/2499") } });
        Run(new NewLoyaltyBadgeCommand { Name = "Canary", ImageUrl = "https://cdn.example/c.png", Condition = new[] { new LoyaltyCondition { Type = "points", Amount = 5 } } });
        var created = runtime.Objects.OfType<LoyaltyBadge>().Single(b => b.Name == "Canary");
        Run(new SetLoyaltyBadgeCommand { Id = created.Id, Description = "Still secret-free", PassThruRequested = true });
        Run(new GrantLoyaltyBadgeCommand { BadgeId = created.Id, WalletAddress = "0x00000000000000000000000000000000000000c1" });
        Run(new GetLoyaltyBadgeUserCommand { BadgeId = created.Id });
        Run(new RevokeLoyaltyBadgeCommand { BadgeId = created.Id, WalletAddress = "0x00000000000000000000000000000000000000c1" });
        Run(new RemoveLoyaltyBadgeCommand { Id = created.Id, PassThruRequested = true });

        // Every fault path, including servers that echo the key back.
        var echoes = new[]
        {
            new { status = 500, body = $"{{\"message\":\"upstream said Authorization: {CanarySandboxFixture.PartnerPageCanary}\"}}", contentType = "application/json" },
            new { status = 400, body = $"{{\"order\":[\"bad order for key {CanarySandboxFixture.PartnerPageCanary}\"]}}", contentType = "application/json" },
            new { status = 200, body = $"<html>debug: X-API-KEY={CanarySandboxFixture.PartnerPageCanary}</html>", contentType = "text/html" },
            new { status = 502, body = $"<html>proxy saw {CanarySandboxFixture.PartnerPageCanary}</html>", contentType = "text/html" },
        };
        foreach (var echo in echoes)
        {
            await _sandbox.AddFaultAsync(new { path = PartnerPrefix + "*", echo.status, echo.body, echo.contentType });
            Run(new GetPartnerEntryCommand { Id = new[] { entry } });
        }

        await _sandbox.AddFaultAsync(new { path = "/api/loyalty/*", status = 500, body = $"{{\"message\":\"key {CanarySandboxFixture.SnagCanary} rejected\"}}" });
        Run(new GetLoyaltyBadgeUserCommand { BadgeId = created.Id });
        await _sandbox.AddFaultAsync(new { path = PartnerPrefix + "*", abort = true });
        Run(new GetPartnerEntryCommand { Id = new[] { entry } });
        await _sandbox.AddFaultAsync(new { path = PartnerPrefix + "*", stall = true });
        Run(new GetPartnerEntryCommand { Id = new[] { entry } });
        await _sandbox.AddFaultAsync(new { path = "/api/websites", status = 429, retryAfter = "0" });
        Run(new GetLoyaltyWebsiteCommand());
        Run(new ConnectPartnerPageCommand { ApiKey = TestSecrets.Secure(CanarySandboxFixture.SnagCanary), BaseUri = _sandbox.BaseAddress }); // the wrong service's key: 401
        Run(new GetPartnerEntryCommand { Id = new[] { entry } });
        Run(new ConnectSnagCommand { BaseUri = new Uri("http://badge.example/") }); // refused: http to a remote host
        Run(new DisconnectPartnerPageCommand());
        Run(new DisconnectSnagCommand());

        // The run did what it claims: successes, errors of each kind, warnings, debug bodies, and a scrubbed echo.
        Assert.Contains(runtime.Objects, o => o is PartnerBadge);
        Assert.Contains(runtime.Objects, o => o is LoyaltyBadgeUserChange);
        Assert.Contains(runtime.Errors, e => e.ErrorId == "ApiKeyRejected");
        Assert.Contains(runtime.Errors, e => e.ErrorId == "RequestTimedOut");
        Assert.Contains(runtime.Errors, e => e.ErrorId == "ConnectionFailed");
        Assert.Contains(runtime.Errors, e => e.ErrorId == "InvalidResponse");
        Assert.Contains(runtime.Errors, e => e.ErrorId == "InvalidBaseUri");
        Assert.NotEmpty(runtime.Warnings);
        Assert.Contains(runtime.Debug, d => d.Contains("Authorization: ***"));
        Assert.Contains(runtime.Debug, d => d.Contains("X-API-KEY: ***"));
        Assert.Contains(runtime.Errors, e => (e.DetailsMessage ?? "").Contains("***"));

        var everything = runtime.AllText()
            .Concat(runtime.Errors.SelectMany(e => Chain(e.Exception)))
            .Concat(runtime.Objects.SelectMany(Describe))
            .Append((await _sandbox.RequestLogAsync()).ToJsonString())
            .ToList();
        foreach (var canary in new[] { CanarySandboxFixture.PartnerPageCanary, CanarySandboxFixture.SnagCanary })
        {
            Assert.DoesNotContain(everything, text => text.Contains(canary, StringComparison.Ordinal));
        }
    }

    private static IEnumerable<string> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e.ToString();
            foreach (DictionaryEntry item in e.Data) yield return $"{item.Key}={item.Value}";
        }
    }

    /// <summary>What Format-List * would show: every public property value, one level down into lists.</summary>
    private static IEnumerable<string> Describe(object item)
    {
        yield return item.ToString() ?? string.Empty;
        foreach (var property in item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(item);
            if (value is string or null) yield return $"{property.Name}={value}";
            else if (value is IEnumerable list) foreach (var element in list) yield return element?.ToString() ?? string.Empty;
            else yield return $"{property.Name}={value}";
        }
    }
}
