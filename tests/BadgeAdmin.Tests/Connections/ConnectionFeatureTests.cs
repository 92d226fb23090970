using System.Net;
using System.Security;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.PartnerPage;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Connections;

/// <summary>Get-BadgeAdminConnection, keys from SecretManagement, proxies, and the User-Agent.</summary>
public sealed class ConnectionFeatureTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ConnectionFeatureTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }


    [Fact]
    public void Get_BadgeAdminConnection_lists_the_runspaces_connections_without_their_keys()
    {
        var runtime = new RecordingRuntime();
        runtime.Environment["PARTNERPAGE_API_KEY"] = "pp-key-0123456789";
        runtime.Environment["SNAG_API_KEY"] = "snag-key-0123456789";
        CmdletRunner.Run(new ConnectPartnerPageCommand { BaseUri = _sandbox.BaseAddress }, runtime);
        CmdletRunner.Run(new ConnectSnagCommand { BaseUri = _sandbox.BaseAddress }, runtime);
        runtime.Objects.Clear();

        CmdletRunner.Run(new GetBadgeAdminConnectionCommand(), runtime);
        var all = runtime.Objects.Cast<BadgeAdminConnection>().ToList();
        runtime.Objects.Clear();
        CmdletRunner.Run(new GetBadgeAdminConnectionCommand { Service = new[] { "Snag" } }, runtime);

        Assert.Equal(new[] { "PartnerPage", "Snag" }, all.Select(c => c.Service));
        Assert.Equal("Snag", Assert.IsType<SnagConnection>(Assert.Single(runtime.Objects)).Service);
        var shown = string.Join("\n", all.SelectMany(c => c.GetType().GetProperties().Select(p => $"{p.Name}={p.GetValue(c)}")));
        Assert.DoesNotContain("pp-key-0123456789", shown);
        Assert.DoesNotContain("snag-key-0123456789", shown);
        Assert.Contains("ApiKeySource=$env:SNAG_API_KEY", shown);
    }

    [Fact]
    public void A_key_from_SecretManagement_connects()
    {
        var runtime = new RecordingRuntime
        {
            Secrets = new Dictionary<string, object>
            {
                ["Vault1/PartnerPageKey"] = TestSecrets.Secure(SandboxOptions.DefaultPartnerPageKey),
                ["/SnagKey"] = SandboxOptions.DefaultSnagKey,
            },
        };

        CmdletRunner.Run(new ConnectPartnerPageCommand { SecretName = "PartnerPageKey", Vault = "Vault1", BaseUri = _sandbox.BaseAddress }, runtime);
        CmdletRunner.Run(new ConnectSnagCommand { SecretName = "SnagKey", BaseUri = _sandbox.BaseAddress }, runtime);
        CmdletRunner.Run(new GetPartnerEntryCommand { Id = new[] { _sandbox.Server.State.PartnerPage.EntryIds[0] } }, runtime);
        CmdletRunner.Run(new GetLoyaltyWebsiteCommand(), runtime);

        Assert.Equal("SecretManagement:Vault1/PartnerPageKey", runtime.Connections.PartnerPage!.ApiKeySource);
        Assert.Equal("SecretManagement:SnagKey", runtime.Connections.Snag!.ApiKeySource);
        Assert.All(_sandbox.Requests, r => Assert.Equal("valid", r.Auth));
        Assert.Empty(runtime.Errors);
    }

    [Fact]
    public void Without_SecretManagement_the_error_says_how_to_get_it()
    {
        var ex = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new ConnectSnagCommand { SecretName = "SnagKey" }, new RecordingRuntime()));

        Assert.Equal((ErrorIds.SecretManagementMissing, System.Management.Automation.ErrorCategory.NotInstalled), (ex.Error.ErrorId, ex.Error.Category));
        Assert.Contains("Microsoft.PowerShell.SecretManagement", ex.Error.Exception.Message);
        Assert.Contains("Install-Module Microsoft.PowerShell.SecretManagement", ex.Error.RecommendedAction);
    }

    [Fact]
    public void A_missing_or_unusable_secret_is_a_clear_error()
    {
        var runtime = new RecordingRuntime { Secrets = new Dictionary<string, object> { ["/Table"] = new System.Collections.Hashtable() } };

        var missing = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new ConnectSnagCommand { SecretName = "Nope" }, runtime));
        var table = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new ConnectSnagCommand { SecretName = "Table" }, runtime));

        Assert.Equal(ErrorIds.SecretNotFound, missing.Error.ErrorId);
        Assert.Contains("SecretManagement:Nope", missing.Error.Exception.Message);
        Assert.Equal(ErrorIds.SecretNotAKey, table.Error.ErrorId);
        Assert.Contains("Hashtable", table.Error.Exception.Message);
    }

    [Fact]
    public void Requests_go_through_an_explicit_proxy()
    {
        // 127.0.0.2:9 has no server: only a request that goes through the proxy (the sandbox) can succeed.
        var runtime = new RecordingRuntime();
        runtime.Environment["SNAG_API_KEY"] = SandboxOptions.DefaultSnagKey;
        CmdletRunner.Run(new ConnectSnagCommand { BaseUri = new Uri("http://127.0.0.2:9/"), Proxy = _sandbox.BaseAddress, ProxyNetworkCredential = new NetworkCredential("proxy-user", "proxy-pass"), MaxRetries = 0 }, runtime);

        CmdletRunner.Run(new GetLoyaltyWebsiteCommand(), runtime);

        Assert.Empty(runtime.Errors);
        Assert.Equal(2, runtime.Objects.Count);
        Assert.True(_sandbox.Requests.Single().Proxied);
        Assert.Equal(_sandbox.BaseAddress, runtime.Connections.Snag!.Proxy);
    }

    [Fact]
    public void Proxy_options_are_checked_before_connecting()
    {
        var runtime = new RecordingRuntime();
        runtime.Environment["SNAG_API_KEY"] = "k-0123456789";

        var both = Assert.Throws<TerminatingErrorException>(() =>
            CmdletRunner.Run(new ConnectSnagCommand { ProxyUseDefaultCredentialsRequested = true, ProxyNetworkCredential = new NetworkCredential("u", "p") }, runtime));
        var scheme = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new ConnectSnagCommand { Proxy = new Uri("socks5://127.0.0.1:1080") }, runtime));

        Assert.Equal(ErrorIds.ProxyCredentialConflict, both.Error.ErrorId);
        Assert.Equal(ErrorIds.InvalidProxy, scheme.Error.ErrorId);
        Assert.Null(runtime.Connections.Snag);
    }

    [Fact]
    public void The_user_agent_names_the_module_and_powershell_versions()
    {
        var runtime = new RecordingRuntime();
        runtime.Environment["SNAG_API_KEY"] = SandboxOptions.DefaultSnagKey;
        CmdletRunner.Run(new ConnectSnagCommand { BaseUri = _sandbox.BaseAddress }, runtime);

        CmdletRunner.Run(new GetLoyaltyWebsiteCommand(), runtime);

        var version = typeof(ConnectSnagCommand).Assembly.GetName().Version!.ToString(3);
        Assert.Equal($"BadgeAdmin/{version} PowerShell/7.6.0", _sandbox.Requests.Single().UserAgent);
    }
}
