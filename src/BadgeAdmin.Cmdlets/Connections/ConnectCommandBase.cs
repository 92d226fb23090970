using System;
using System.Management.Automation;
using System.Security;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>
/// What Connect-PartnerPage and Connect-Snag share: the key from -ApiKey or an environment variable (never prompted
/// for, so runbooks cannot hang), an https base URI, retry and timeout settings, -PassThru.
/// </summary>
public abstract class ConnectCommandBase : BadgeAdminCmdlet
{
    /// <summary>The API key. Without it, the service's environment variable is used.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>Service root. Use http://127.0.0.1:PORT for the local sandbox; anything else must be https.</summary>
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

    /// <summary>The key (and where it came from: "Parameter" or "$env:NAME"), or a terminating ApiKeyMissing error.</summary>
    private protected (string Key, string Source) ReadKey(string service, string variable)
    {
        if (ApiKey is not null)
        {
            var given = ApiKeyReader.ToPlainText(ApiKey);
            if (given.Length > 0) return (given, "Parameter");
            ThrowTerminating(MissingKey(service, variable, "The -ApiKey given is empty."));
        }

        var fromEnvironment = Runtime.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return (fromEnvironment!.Trim(), "$env:" + variable);
        ThrowTerminating(MissingKey(service, variable, $"No {service} API key: pass -ApiKey or set $env:{variable}."));
        return default;
    }

    /// <summary>Settings for the service's pipeline, after checking the base URI (terminating InvalidBaseUri when unsafe).</summary>
    private protected ConnectionSettings Settings(Uri baseUri, string header, string key, string uriSource = "-BaseUri")
    {
        var problem = BaseUriPolicy.Check(baseUri);
        if (problem is not null)
        {
            ThrowTerminating(new CmdletError(new ArgumentException($"{uriSource}: {problem}", nameof(BaseUri)), ErrorIds.InvalidBaseUri, ErrorCategory.InvalidArgument, baseUri));
        }

        return new ConnectionSettings(baseUri, header, key)
        {
            MaxRetries = MaxRetries,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            UserAgent = UserAgent.For(Runtime.PowerShellVersion),
        };
    }

    private static CmdletError MissingKey(string service, string variable, string message) =>
        new(new ArgumentException(message, nameof(ApiKey)), ErrorIds.ApiKeyMissing, ErrorCategory.InvalidArgument, null)
        {
            RecommendedAction = $"Connect-{service} -ApiKey (Read-Host -AsSecureString '{service} API key'), or set $env:{variable} in the runbook's environment.",
        };
}
