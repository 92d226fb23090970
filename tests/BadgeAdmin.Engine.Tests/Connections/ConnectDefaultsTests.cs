using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox.PartnerPage;

namespace BadgeAdmin.Engine.Tests.Connections;

/// <summary>
/// Changing the defaults of a connected runspace (Connect-PartnerPage -DirectoryId, Connect-Snag -WebsiteId /
/// -WebsiteName / -OrganizationId) needs no key or address again and keeps the connection; and the environment alone
/// can say where PartnerPage is ($env:PARTNERPAGE_BASE_URI), as $env:SNAG_BASE_URI does for Snag. With no key in the
/// environment, so that only the kept connection can have one.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ConnectDefaultsTests : IClassFixture<SandboxEngineFixture>, IDisposable
{
    private static readonly string[] Variables = ["PARTNERPAGE_API_KEY", "PARTNERPAGE_BASE_URI", "SNAG_API_KEY", "SNAG_BASE_URI"];
    private readonly EnvironmentVariablesRestored _environment = new(Variables);
    private readonly SandboxEngineFixture _sandbox;
    private readonly EngineSession _session;

    public ConnectDefaultsTests(SandboxEngineFixture sandbox)
    {
        foreach (var name in Variables) Environment.SetEnvironmentVariable(name, null);
        _sandbox = sandbox;
        _session = sandbox.Reset(); // both services connected with -ApiKey and -BaseUri; PartnerPage without a directory
    }

    public void Dispose() => _environment.Dispose();

    private EngineResult Run(string script, params (string Name, object? Value)[] variables) =>
        _session.Run(script, [("Uri", _sandbox.BaseAddress), ("d", PartnerPageData.PartnerDirectoryId), ("App", PartnerPageData.AppDirectoryId), .. variables]);

    [Fact]
    public void Connect_PartnerPage_DirectoryId_alone_changes_the_default_directory_of_the_connection()
    {
        var before = Run("Get-BadgeAdminConnection -Service PartnerPage").ThrowIfErrors().Output.Single();

        var changed = Run("Connect-PartnerPage -DirectoryId $App -PassThru -Verbose").ThrowIfErrors();
        var listed = Run("Get-PartnerDirectoryBadge | Out-Null").ThrowIfErrors();

        var connection = Assert.Single(changed.Output);
        Assert.Same(before.BaseObject, connection.BaseObject); // the same connection: its key, client and settings kept
        Assert.Equal(PartnerPageData.AppDirectoryId, connection.Property<Guid?>("DirectoryId"));
        Assert.Equal(("Parameter", _sandbox.BaseAddress), (connection.Property<string>("ApiKeySource"), connection.Property<Uri>("BaseUri")));
        Assert.Contains("now defaults to directory", Assert.Single(changed.ModuleVerbose()), StringComparison.Ordinal);
        var request = Assert.Single(_sandbox.Requests.ApiCalls());
        Assert.Equal(($"/api/directory/private/v1alpha/badges/directory/{PartnerPageData.AppDirectoryId}/", "valid"), (request.Path, request.Auth));
        Assert.Null(listed.Terminating);
    }

    [Fact]
    public void The_address_it_already_has_may_be_given_again_as_a_default_parameter_value_gives_it()
    {
        var before = Run("Get-BadgeAdminConnection -Service PartnerPage").ThrowIfErrors().Output.Single();

        var changed = Run("""
            $PSDefaultParameterValues['Connect-PartnerPage:BaseUri'] = $Uri
            try { Connect-PartnerPage -DirectoryId $d -PassThru } finally { $PSDefaultParameterValues.Remove('Connect-PartnerPage:BaseUri') }
            """).ThrowIfErrors();

        Assert.Same(before.BaseObject, Assert.Single(changed.Output).BaseObject);
        Assert.Equal(PartnerPageData.PartnerDirectoryId, before.Property<Guid?>("DirectoryId"));
    }

    [Fact]
    public void Without_a_connection_DirectoryId_alone_still_needs_a_key()
    {
        var result = Run(SessionScripts.StopOnTerminating("Disconnect-PartnerPage; Connect-PartnerPage -DirectoryId $d"));

        Assert.Equal("ApiKeyMissing", result.TerminatingErrorId);
    }

    [Fact]
    public void Connect_Snag_WebsiteId_WebsiteName_and_OrganizationId_alone_change_the_defaults_and_keep_the_connection()
    {
        var before = Run("Get-BadgeAdminConnection -Service Snag").ThrowIfErrors().Output.Single();
        var beta = _sandbox.Server.State.Snag.Websites.Single(w => w.Id != _sandbox.MainWebsiteId);

        var byId = Run("Connect-Snag -WebsiteId $Beta -PassThru", ("Beta", beta.Id)).ThrowIfErrors().Output.Single();
        var website = byId.Property<Guid?>("WebsiteId");
        var byName = Run("Connect-Snag -WebsiteName 'main website' -PassThru").ThrowIfErrors().Output.Single();
        var lookups = _sandbox.Requests.ApiCalls();
        var missing = Run(SessionScripts.StopOnTerminating("Connect-Snag -WebsiteName 'No Such Website'"));
        var organization = Run("Connect-Snag -OrganizationId $Org -PassThru", ("Org", Guid.Empty)).ThrowIfErrors().Output.Single();

        Assert.All(new[] { byId, byName, organization }, c => Assert.Same(before.BaseObject, c.BaseObject));
        Assert.Equal(beta.Id, website);
        Assert.Equal(_sandbox.MainWebsiteId, byName.Property<Guid?>("WebsiteId")); // looked up through the kept connection: one request
        Assert.Equal("/api/websites", Assert.Single(lookups).Path);
        Assert.Equal("LoyaltyWebsiteNotFound", missing.TerminatingErrorId);
        Assert.Equal((Guid?)Guid.Empty, organization.Property<Guid?>("OrganizationId"));
        Assert.Equal(_sandbox.MainWebsiteId, organization.Property<Guid?>("WebsiteId")); // a failed lookup changed nothing; -OrganizationId keeps the website
        Assert.Equal("Parameter", organization.Property<string>("ApiKeySource"));
    }

    [Fact]
    public void A_runbook_configured_through_the_environment_alone_reaches_PartnerPage_at_PARTNERPAGE_BASE_URI()
    {
        var result = Run("""
            Disconnect-PartnerPage
            $env:PARTNERPAGE_API_KEY = 'sandbox-partnerpage'
            $env:PARTNERPAGE_BASE_URI = "$Uri"
            Connect-PartnerPage -PassThru
            Get-PartnerEntry -First 1 | Out-Null
            """).ThrowIfErrors();

        var connection = Assert.Single(result.Output);
        Assert.Equal((_sandbox.BaseAddress, "$env:PARTNERPAGE_API_KEY"), (connection.Property<Uri>("BaseUri"), connection.Property<string>("ApiKeySource")));
        Assert.Equal("valid", Assert.Single(_sandbox.Requests.ApiCalls()).Auth);
    }

    [Fact]
    public void A_PARTNERPAGE_BASE_URI_that_is_not_an_address_is_InvalidBaseUri_naming_the_variable()
    {
        var result = Run(SessionScripts.StopOnTerminating("""
            Disconnect-PartnerPage
            $env:PARTNERPAGE_API_KEY = 'sandbox-partnerpage'
            $env:PARTNERPAGE_BASE_URI = 'partnerpage.example.com'
            Connect-PartnerPage
            """));

        Assert.Equal("InvalidBaseUri", result.TerminatingErrorId);
        Assert.Contains("$env:PARTNERPAGE_BASE_URI", result.TerminatingError().Exception.Message, StringComparison.Ordinal);
    }
}
