using System.Collections;
using BadgeAdmin.Engine.Tests.Support;
using static BadgeAdmin.Engine.Tests.Support.SessionScripts;

namespace BadgeAdmin.Engine.Tests.Connections;

/// <summary>Get-BadgeAdminConnection, keys from SecretManagement, proxies, and the User-Agent, in a real engine.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ConnectionTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    /// <summary>
    /// Stands in for Microsoft.PowerShell.SecretManagement (not installed here): a module of that name whose Get-Secret,
    /// like the real one, is an advanced function that returns the stored object or writes an error.
    /// $VaultSecrets maps "vault/name" (vault empty for the default vault) to the secret.
    /// </summary>
    private const string SecretManagementStandIn = """
        New-Module -Name Microsoft.PowerShell.SecretManagement -ArgumentList $VaultSecrets -ScriptBlock {
            param($Secrets)
            function Get-Secret {
                [CmdletBinding()]
                param([Parameter(Mandatory)] [string] $Name, [string] $Vault)
                if (-not $Secrets.ContainsKey("$Vault/$Name")) {
                    Write-Error "The secret $Name was not found." -ErrorId GetSecretNotFound -Category ObjectNotFound
                    return
                }
                $Secrets["$Vault/$Name"]
            }
        } | Import-Module
        """;

    /// <summary>Runs a script with $SandboxUri and $SnagKey (the valid Snag key as a SecureString) set, plus <paramref name="variables"/>.</summary>
    private EngineResult Run(string script, params (string Name, object? Value)[] variables) =>
        Session.Run(script, [("SandboxUri", Sandbox.BaseAddress), ("SnagKey", Secure(Sandbox.Server.State.Options.SnagKey)), .. variables]);

    /// <summary>Runs <paramref name="script"/> with the SecretManagement stand-in holding <paramref name="secrets"/>, removed afterwards.</summary>
    private EngineResult RunWithSecrets(Hashtable secrets, string script, params (string Name, object? Value)[] variables) =>
        Run($"{SecretManagementStandIn}\ntry {{\n{script}\n}} finally {{ Remove-Module Microsoft.PowerShell.SecretManagement }}", [("VaultSecrets", secrets), .. variables]);

    /// <summary>A Snag connection attempt that must fail: its terminating error.</summary>
    private EngineResult FailedSnagConnect(string parameters) => Run(StopOnTerminating("Connect-Snag " + parameters));

    [Fact]
    public void Get_BadgeAdminConnection_lists_the_runspaces_connections_without_their_keys()
    {
        Run(WithEnvironment("""
            Connect-PartnerPage -BaseUri $SandboxUri
            Connect-Snag -BaseUri $SandboxUri
            """, ("PARTNERPAGE_API_KEY", "pp-key-0123456789"), ("SNAG_API_KEY", "snag-key-0123456789"))).ThrowIfErrors();

        var all = Run("Get-BadgeAdminConnection").ThrowIfErrors().Output;
        var snag = Run("Get-BadgeAdminConnection -Service Snag").ThrowIfErrors().Output;
        var displayed = Run("Get-BadgeAdminConnection | Format-List * | Out-String; Get-BadgeAdminConnection | Out-String").ThrowIfErrors().Output;

        Assert.Equal(["PartnerPage", "Snag"], all.Select(c => c.Property<string>("Service")));
        Assert.Equal("BadgeAdmin.Core.Snag.SnagConnection", Assert.Single(snag).TypeNames[0]);
        var shown = string.Join("\n", all.SelectMany(c => c.Properties.Select(p => $"{p.Name}={p.Value}")).Concat(displayed.Select(d => d.ToString())));
        Assert.DoesNotContain("pp-key-0123456789", shown);
        Assert.DoesNotContain("snag-key-0123456789", shown);
        Assert.Contains("ApiKeySource=$env:SNAG_API_KEY", shown);
    }

    [Fact]
    public void A_key_from_SecretManagement_connects()
    {
        var secrets = new Hashtable
        {
            ["Vault1/PartnerPageKey"] = Secure(Sandbox.Server.State.Options.PartnerPageKey),
            ["/SnagKey"] = Sandbox.Server.State.Options.SnagKey,
        };

        var result = RunWithSecrets(secrets, """
            Connect-PartnerPage -SecretName PartnerPageKey -Vault Vault1 -BaseUri $SandboxUri
            Connect-Snag -SecretName SnagKey -BaseUri $SandboxUri
            $null = Get-PartnerEntry -Id $EntryId
            $null = Get-LoyaltyWebsite
            (Get-BadgeAdminConnection).ApiKeySource
            """, ("EntryId", Sandbox.EntryIds[0])).ThrowIfErrors();

        Assert.Equal(["SecretManagement:Vault1/PartnerPageKey", "SecretManagement:SnagKey"], result.Output.Select(o => o.BaseObject));
        Assert.Equal(2, Sandbox.Requests.Count);
        Assert.All(Sandbox.Requests, r => Assert.Equal("valid", r.Auth));
    }

    [Fact]
    public void Without_SecretManagement_the_error_says_how_to_get_it()
    {
        // Relies on Microsoft.PowerShell.SecretManagement not being installed where the tests run.
        var result = FailedSnagConnect("-SecretName SnagKey");

        var error = result.TerminatingError();
        Assert.Equal(("SecretManagementMissing", ErrorCategory.NotInstalled), (result.TerminatingErrorId, error.CategoryInfo.Category));
        Assert.Contains("Microsoft.PowerShell.SecretManagement", error.Exception.Message);
        Assert.Contains("Install-Module Microsoft.PowerShell.SecretManagement", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void A_missing_or_unusable_secret_is_a_clear_error()
    {
        var secrets = new Hashtable { ["/Table"] = new Hashtable() };

        var result = RunWithSecrets(secrets, """
            foreach ($name in 'Nope', 'Table') {
                try { Connect-Snag -SecretName $name -BaseUri $SandboxUri } catch { $_ }
            }
            """);

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        var (missing, table) = (Assert.IsType<ErrorRecord>(result.Output[0].BaseObject), Assert.IsType<ErrorRecord>(result.Output[1].BaseObject));
        Assert.StartsWith("SecretNotFound,", missing.FullyQualifiedErrorId);
        Assert.Contains("SecretManagement:Nope", missing.Exception.Message);
        Assert.StartsWith("SecretNotAKey,", table.FullyQualifiedErrorId);
        Assert.Contains("Hashtable", table.Exception.Message);
    }

    [Fact]
    public async Task A_remote_host_is_reached_through_an_explicit_proxy_as_a_tunnel_and_loopback_never_is()
    {
        using var proxy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        proxy.Start();
        var proxyUri = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)proxy.LocalEndpoint).Port}/");
        var received = AnswerOnceAsync(proxy, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        // https through an http proxy: the proxy is asked for a tunnel, and sees the host name but never the key.
        var remote = Run("""
            Connect-Snag -ApiKey $SnagKey -BaseUri https://snag.example.invalid/ -Proxy $ProxyUri -MaxRetries 0 -TimeoutSec 10
            Get-LoyaltyWebsite
            """, ("ProxyUri", proxyUri));
        var head = await received.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("CONNECT snag.example.invalid:443 HTTP/1.1", head);
        Assert.DoesNotContain("X-API-KEY", head, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ConnectionFailed", Assert.Single(remote.ErrorIds));

        // The sandbox is plain http: through the proxy the key would travel in clear text. The proxy no longer
        // answers, so a request sent through it would time out.
        var loopback = Run("""
            Connect-Snag -ApiKey $SnagKey -BaseUri $SandboxUri -Proxy $ProxyUri -MaxRetries 0 -TimeoutSec 3
            Get-LoyaltyWebsite
            (Get-BadgeAdminConnection -Service Snag).Proxy
            """, ("ProxyUri", proxyUri)).ThrowIfErrors();

        Assert.False(Assert.Single(Sandbox.Requests).Proxied);
        Assert.Equal(proxyUri, loopback.Output[^1].BaseObject);
    }

    /// <summary>Accepts one connection, reads its request head, answers <paramref name="answer"/>, and returns the head.</summary>
    private static async Task<string> AnswerOnceAsync(System.Net.Sockets.TcpListener listener, string answer)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var head = new System.Text.StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) > 0) head.Append((char)one[0]);
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(answer));
        return head.ToString();
    }

    [Fact]
    public void Proxy_options_are_checked_before_connecting()
    {
        Run("Disconnect-Snag").ThrowIfErrors();
        const string Credential = "-ProxyCredential ([pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force)))";

        var both = FailedSnagConnect("-ApiKey $SnagKey -BaseUri $SandboxUri -ProxyUseDefaultCredentials " + Credential);
        var scheme = FailedSnagConnect("-ApiKey $SnagKey -BaseUri $SandboxUri -Proxy socks5://127.0.0.1:1080");
        var relative = FailedSnagConnect("-ApiKey $SnagKey -BaseUri $SandboxUri -Proxy 'not a uri'");
        var password = FailedSnagConnect("-ApiKey $SnagKey -BaseUri $SandboxUri -Proxy 'user:s3cret@proxy:8080'");

        Assert.Equal(("ProxyCredentialConflict", ErrorCategory.InvalidArgument), (both.TerminatingErrorId, both.TerminatingError().CategoryInfo.Category));
        Assert.Equal(("InvalidProxy", ErrorCategory.InvalidArgument), (scheme.TerminatingErrorId, scheme.TerminatingError().CategoryInfo.Category));
        Assert.Equal("InvalidProxy", relative.TerminatingErrorId);
        Assert.Contains("-Proxy 'not a uri' is not an http:// or https:// address", relative.TerminatingError().Exception.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidProxy", password.TerminatingErrorId);
        Assert.DoesNotContain("s3cret", password.TerminatingError().Exception.Message + password.TerminatingError().TargetObject, StringComparison.Ordinal);
        Assert.Empty(Run("Get-BadgeAdminConnection -Service Snag").ThrowIfErrors().Output);
    }

    [Fact]
    public void The_user_agent_names_the_module_and_powershell_versions()
    {
        var result = Run("""
            Connect-Snag -ApiKey $SnagKey -BaseUri $SandboxUri
            $null = Get-LoyaltyWebsite
            "BadgeAdmin/$((Get-Module BadgeAdmin).Version) PowerShell/$($PSVersionTable.PSVersion)"
            """).ThrowIfErrors();

        var expected = Assert.IsType<string>(Assert.Single(result.Output).BaseObject);
        Assert.Matches(@"^BadgeAdmin/\d+\.\d+\.\d+ PowerShell/7\.\d+\.\d+", expected);
        Assert.Equal(expected, Assert.Single(Sandbox.Requests).UserAgent);
    }
}
