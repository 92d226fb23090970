using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Snag;

/// <summary>
/// Connect-Snag as typed in pwsh: key and base URI from the environment, their refusals, and what every Snag cmdlet
/// does without a connection. In the serial collection because these tests set $env:SNAG_API_KEY / SNAG_BASE_URI.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SnagConnectTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox), IDisposable
{
    private readonly EnvironmentVariablesRestored _environment = new("SNAG_API_KEY", "SNAG_BASE_URI");

    public void Dispose() => _environment.Dispose();

    [Fact]
    public void Connect_Snag_reads_key_and_base_uri_from_the_environment_and_keeps_the_defaults()
    {
        // A runbook starts with no connection (on a connected runspace, -OrganizationId and -WebsiteId alone only change its defaults).
        var connect = Session.Run("""
            Disconnect-Snag
            $env:SNAG_API_KEY = $Key
            $env:SNAG_BASE_URI = $Uri
            Connect-Snag -OrganizationId $OrgId -WebsiteId $WebsiteId -PassThru
            Get-BadgeAdminConnection -Service Snag
            """, ("Key", Sandbox.Server.State.Options.SnagKey), ("Uri", Sandbox.BaseAddress.ToString()),
            ("OrgId", Sandbox.OrganizationId), ("WebsiteId", Sandbox.MainWebsiteId)).ThrowIfErrors();

        Assert.Equal(2, connect.Output.Count);
        Assert.Same(connect.Output[0].BaseObject, connect.Output[1].BaseObject); // -PassThru wrote the runspace's connection
        var connection = connect.Output[0];
        Assert.Equal((object)Sandbox.BaseAddress, connection.Properties["BaseUri"].Value);
        Assert.Equal("$env:SNAG_API_KEY", connection.Properties["ApiKeySource"].Value);
        Assert.Equal(Sandbox.MainWebsiteId, connection.Properties["WebsiteId"].Value);
        Assert.Empty(Sandbox.Requests); // connecting sends nothing

        // The key is sent, and the organization and website given to Connect-Snag scope later listings.
        Session.Run("Get-LoyaltyWebsite | Out-Null; Get-LoyaltyBadge -First 1 | Out-Null").ThrowIfErrors();
        Assert.Equal(2, Sandbox.Requests.Count);
        Assert.All(Sandbox.Requests, r => Assert.Equal(("valid", 200), (r.Auth, r.Status)));
        Assert.Equal(Sandbox.OrganizationId.ToString(), Sandbox.Requests[0].QueryValue("organizationId"));
        Assert.Equal(Sandbox.MainWebsiteId.ToString(), Sandbox.Requests[1].QueryValue("websiteId"));
    }

    [Fact]
    public void Connect_Snag_defaults_to_the_production_host()
    {
        var result = Session.Run("""
            $env:SNAG_API_KEY = 'k-0123456789'
            Remove-Item Env:SNAG_BASE_URI -ErrorAction Ignore
            Connect-Snag -PassThru
            """).ThrowIfErrors();

        Assert.Equal(new Uri("https://admin.snagsolutions.io/"), Assert.Single(result.Values("BaseUri")));
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("http://loyalty.example.com/")] // clear-text http is refused for anything but loopback
    public void Connect_Snag_refuses_a_bad_base_uri_from_the_environment(string value)
    {
        var result = Session.Run("""
            $env:SNAG_API_KEY = 'k-0123456789'
            $env:SNAG_BASE_URI = $Value
            try { Connect-Snag } catch { throw }
            """, ("Value", value));

        Assert.Equal("InvalidBaseUri", result.TerminatingErrorId);
        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("SNAG_BASE_URI", error.Exception.Message);
    }

    [Fact]
    public void Connect_Snag_without_a_key_is_ApiKeyMissing_naming_the_variable()
    {
        var result = Session.Run("""
            Remove-Item Env:SNAG_API_KEY -ErrorAction Ignore
            try { Connect-Snag } catch { throw }
            """);

        Assert.Equal("ApiKeyMissing", result.TerminatingErrorId);
        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("SNAG_API_KEY", error.Exception.Message);
    }

    [Fact]
    public void Connect_Snag_WebsiteName_in_a_new_session_looks_the_website_up_with_one_request()
    {
        var result = Session.Run("""
            Disconnect-Snag
            Connect-Snag -ApiKey $Key -BaseUri $Uri -OrganizationId $OrgId -WebsiteName 'main website' -PassThru
            Get-LoyaltyBadge -First 1 | Out-Null
            """, ("Key", SandboxKey), ("Uri", Sandbox.BaseAddress), ("OrgId", Sandbox.OrganizationId)).ThrowIfErrors();

        Assert.Equal(Sandbox.MainWebsiteId, Assert.Single(result.Values("WebsiteId")));
        Assert.Equal(2, Sandbox.Requests.Count);
        var lookup = Sandbox.Requests[0];
        Assert.Equal(("GET", "/api/websites"), (lookup.Method, lookup.Path));
        Assert.Equal("main website", lookup.QueryValue("name"));
        Assert.Equal(Sandbox.OrganizationId.ToString(), lookup.QueryValue("organizationId"));
        Assert.Equal(Sandbox.MainWebsiteId.ToString(), Sandbox.Requests[1].QueryValue("websiteId")); // the default scopes listings
    }

    [Fact]
    public void Connect_Snag_WebsiteName_that_matches_no_website_is_LoyaltyWebsiteNotFound_and_keeps_the_old_connection()
    {
        var result = Session.Run("""
            $before = Get-BadgeAdminConnection -Service Snag
            try { Connect-Snag -ApiKey $Key -BaseUri $Uri -WebsiteName 'No Such Website' } catch { throw }
            """, ("Key", SandboxKey), ("Uri", Sandbox.BaseAddress));

        Assert.Equal("LoyaltyWebsiteNotFound", result.TerminatingErrorId);
        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("'No Such Website'", error.Exception.Message);
        Assert.Single(Sandbox.Requests);
        var kept = Session.Run("(Get-BadgeAdminConnection -Service Snag) -eq $before").ThrowIfErrors();
        Assert.Equal(true, Assert.Single(kept.Output).BaseObject);
    }

    [Fact]
    public async Task Connect_Snag_WebsiteName_that_several_websites_share_is_LoyaltyWebsiteAmbiguous_listing_their_ids()
    {
        var twin = Guid.NewGuid();
        await Sandbox.AddFaultAsync(new
        {
            path = "/api/websites",
            status = 200,
            body = $$"""{"data":[{"id":"{{Sandbox.MainWebsiteId}}","name":"Main Website"},{"id":"{{twin}}","name":"Main Website"}],"hasNextPage":false}""",
        });

        var result = Session.Run("try { Connect-Snag -ApiKey $Key -BaseUri $Uri -WebsiteName 'Main Website' } catch { throw }",
            ("Key", SandboxKey), ("Uri", Sandbox.BaseAddress));

        Assert.Equal("LoyaltyWebsiteAmbiguous", result.TerminatingErrorId);
        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(twin.ToString(), error.Exception.Message);
    }

    [Fact]
    public void Connect_Snag_with_WebsiteId_and_WebsiteName_is_refused_before_any_request()
    {
        var result = Session.Run("try { Connect-Snag -ApiKey $Key -BaseUri $Uri -WebsiteId $WebsiteId -WebsiteName 'Main Website' } catch { throw }",
            ("Key", SandboxKey), ("Uri", Sandbox.BaseAddress), ("WebsiteId", Sandbox.MainWebsiteId));

        Assert.Equal("WebsiteIdAndWebsiteName", result.TerminatingErrorId);
        Assert.Empty(Sandbox.Requests);
    }

    private System.Security.SecureString SandboxKey
    {
        get
        {
            var key = new System.Security.SecureString();
            foreach (var c in Sandbox.Server.State.Options.SnagKey) key.AppendChar(c);
            key.MakeReadOnly();
            return key;
        }
    }

    [Theory]
    [InlineData("Get-LoyaltyBadge")]
    [InlineData("Get-LoyaltyWebsite")]
    [InlineData("Get-LoyaltyBadgeUser -BadgeId $Badge")]
    [InlineData("Set-LoyaltyBadge -Id $Badge -Name 'Renamed'")]
    [InlineData("Remove-LoyaltyBadge -Id $Badge -Confirm:$false")]
    [InlineData("Grant-LoyaltyBadge -BadgeId $Badge -WalletAddress '0x0000000000000000000000000000000000000001'")]
    [InlineData("Revoke-LoyaltyBadge -BadgeId $Badge -WalletAddress '0x0000000000000000000000000000000000000001' -Confirm:$false")]
    [InlineData("New-LoyaltyBadge -Name 'X' -ImageUrl 'https://cdn.example/x.png' -Condition @{ type = 'points'; amount = 1 }")]
    public void Snag_cmdlets_without_a_connection_end_with_NotConnected(string command)
    {
        var result = Session.Run($$"""
            Disconnect-Snag
            try { {{command}} } catch { throw }
            """, ("Badge", SnagSandbox.HeldBadge));

        Assert.Equal("NotConnected", result.TerminatingErrorId);
        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("Connect-Snag", error.Exception.Message);
        Assert.Contains("$env:SNAG_API_KEY", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("$env:SNAG_BASE_URI", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(Sandbox.Requests);
    }
}
