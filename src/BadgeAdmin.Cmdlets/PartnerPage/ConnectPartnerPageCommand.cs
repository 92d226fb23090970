using System;
using System.Management.Automation;
using System.Security;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>
/// <para type="synopsis">Connects the current runspace to the PartnerPage API.</para>
/// <para type="description">Keeps one connection (one HTTP client) for the runspace. The key comes from -ApiKey or
/// $env:PARTNERPAGE_API_KEY and is never shown again. No request is sent until a cmdlet needs one.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "PartnerPage")]
[OutputType(typeof(PartnerPageConnection))]
public sealed class ConnectPartnerPageCommand : BadgeAdminCmdlet
{
    public const string ApiKeyVariable = "PARTNERPAGE_API_KEY";

    /// <summary>The API key. Without it, $env:PARTNERPAGE_API_KEY is used.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>Service root; production by default. Use http://127.0.0.1:PORT for the local sandbox.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>Retries after the first attempt for retryable failures (0 disables retries).</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetries { get; set; } = ConnectionSettings.DefaultMaxRetries;

    /// <summary>Seconds one attempt may take before it is abandoned.</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = ConnectionSettings.DefaultTimeoutSeconds;

    /// <summary>Writes the connection, which can be passed to -Connection of other cmdlets.</summary>
    [Parameter]
    public SwitchParameter PassThru
    {
        get => PassThruRequested;
        set => PassThruRequested = value.IsPresent;
    }

    // The switch's value as a plain bool: what the cmdlet reads, and what tests set (SwitchParameter is inert outside an engine).
    internal bool PassThruRequested { get; set; }

    private protected override void OnEnd()
    {
        var (key, source) = ReadKey();
        var baseUri = BaseUri ?? PartnerPageRoutes.ProductionBaseUri;
        var problem = BaseUriPolicy.Check(baseUri);
        if (problem is not null)
        {
            ThrowTerminating(new CmdletError(new ArgumentException(problem, nameof(BaseUri)), ErrorIds.InvalidBaseUri, ErrorCategory.InvalidArgument, baseUri));
        }

        var settings = new ConnectionSettings(baseUri, PartnerPageConnection.ApiKeyHeader, key)
        {
            MaxRetries = MaxRetries,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            UserAgent = UserAgent.For(Runtime.PowerShellVersion),
        };
        var connection = new PartnerPageConnection(settings, source);
        Runtime.Connections.SetPartnerPage(connection);
        Runtime.WriteVerbose($"Connected to PartnerPage at {connection.BaseUri} (key from {source}).");
        if (PassThruRequested) Runtime.WriteObject(connection);
    }

    private (string Key, string Source) ReadKey()
    {
        if (ApiKey is not null)
        {
            var given = ApiKeyReader.ToPlainText(ApiKey);
            if (given.Length > 0) return (given, "Parameter");
            ThrowTerminating(MissingKey("The -ApiKey given is empty."));
        }

        var fromEnvironment = Runtime.GetEnvironmentVariable(ApiKeyVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return (fromEnvironment!.Trim(), "$env:" + ApiKeyVariable);
        ThrowTerminating(MissingKey($"No PartnerPage API key: pass -ApiKey or set $env:{ApiKeyVariable}."));
        return default;
    }

    private static CmdletError MissingKey(string message) =>
        new(new ArgumentException(message, nameof(ApiKey)), ErrorIds.ApiKeyMissing, ErrorCategory.InvalidArgument, null)
        {
            RecommendedAction = $"Connect-PartnerPage -ApiKey (Read-Host -AsSecureString 'PartnerPage API key'), or set $env:{ApiKeyVariable} in the runbook's environment.",
        };
}
