using System;
using System.Management.Automation;
using System.Security;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Cmdlets.Secrets;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>
/// What Connect-PartnerPage and Connect-Snag share: the key from -ApiKey or an environment variable (never prompted
/// for, so runbooks cannot hang), an https base URI, retry and timeout settings, -PassThru.
/// </summary>
public abstract class ConnectCommandBase : BadgeAdminCmdlet
{
    public const string ApiKeySet = "ApiKey";
    public const string SecretSet = "Secret";

    /// <summary>The API key. Without it (and without -SecretName), the service's environment variable is used.</summary>
    [Parameter(Position = 0, ParameterSetName = ApiKeySet)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>Name of a SecretManagement secret holding the API key (needs Microsoft.PowerShell.SecretManagement).</summary>
    [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
    [ValidateNotNullOrEmpty]
    public string? SecretName { get; set; }

    /// <summary>The SecretManagement vault of -SecretName; the default vault when not given.</summary>
    [Parameter(ParameterSetName = SecretSet)]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>A proxy for this connection; the system proxy is used when not given.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>Credentials for the proxy (the one given with -Proxy, or the system proxy).</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Authenticate to the proxy as the current user (Windows).</summary>
    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }


    /// <summary>Service root. Use http://127.0.0.1:PORT for the local sandbox; anything else must be https.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>Retries after the first attempt for retryable failures (0 disables retries).</summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetries { get; set; } = ConnectionSettings.DefaultMaxRetries;

    /// <summary>Seconds one attempt may take before it is abandoned, reading the body included.</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = ConnectionSettings.DefaultTimeoutSeconds;

    /// <summary>
    /// Seconds one request may spend waiting between attempts, in all. Rate limits (429) are retried, waiting as the
    /// server asks, for as long as this allows; a longer wait is reported as RateLimited instead (0: no waiting).
    /// </summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public int MaxRetryWaitSec { get; set; } = ConnectionSettings.DefaultMaxRetryWaitSeconds;

    /// <summary>The largest response body accepted, in MB; a larger one is an InvalidResponse error, not retried.</summary>
    [Parameter]
    [ValidateRange(1, 2047)]
    public int MaxResponseSizeMB { get; set; } = ConnectionSettings.DefaultMaxResponseSizeMB;

    /// <summary>Writes the connection, which can be passed to -Connection of other cmdlets.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The key (and where it came from: "Parameter", "$env:NAME" or the secret), or a terminating error.</summary>
    private protected (string Key, string Source) ReadKey(string service, string variable)
    {
        if (SecretName is not null) return ReadSecret(service);

        if (ApiKey is not null)
        {
            // Trimmed as the environment's key is: a key read from a file usually ends with a line break.
            var given = ApiKeyReader.ToPlainText(ApiKey).Trim();
            if (given.Length > 0) return (Checked(given, "-ApiKey"), "Parameter");
            ThrowTerminating(MissingKey(service, variable, "The -ApiKey given is empty."));
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return (Checked(fromEnvironment!.Trim(), "$env:" + variable), "$env:" + variable);
        ThrowTerminating(MissingKey(service, variable, $"No {service} API key: pass -ApiKey or set $env:{variable}."));
        return default;
    }

    /// <summary>
    /// The base URI and where it came from: -BaseUri, else $env:<paramref name="variable"/> (so a runbook can configure
    /// everything through its environment), else <paramref name="production"/>. A variable that is not an absolute URI
    /// is a terminating InvalidBaseUri error.
    /// </summary>
    private protected (Uri Uri, string Source) ResolveBaseUri(string variable, Uri production)
    {
        if (BaseUri is not null) return (BaseUri, "-BaseUri");
        var fromEnvironment = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(fromEnvironment)) return (production, "default");
        if (Uri.TryCreate(fromEnvironment!.Trim(), UriKind.Absolute, out var uri)) return (uri, "$env:" + variable);
        ThrowTerminating(new CmdletError(
            new ArgumentException($"$env:{variable} ('{fromEnvironment}') is not an absolute URI such as https://host.example.com/."),
            ErrorIds.InvalidBaseUri, ErrorCategory.InvalidArgument, fromEnvironment));
        return default;
    }

    /// <summary>
    /// True when this call only changes defaults of the runspace's open connection (<paramref name="current"/>): one of
    /// <paramref name="defaults"/> is given, and nothing else but -PassThru, the address it already has and common
    /// parameters. Then no key or address is needed again, and the connection (its key, client and settings) stays.
    /// </summary>
    private protected bool ChangesOnlyDefaults(BadgeAdminConnection? current, params string[] defaults)
    {
        if (current is null || current.IsDisposed) return false;
        var bound = MyInvocation.BoundParameters;
        var anyDefault = false;
        foreach (var name in bound.Keys)
        {
            if (Array.IndexOf(defaults, name) >= 0) anyDefault = true;
            else if (name == nameof(PassThru) || CommonParameters.Contains(name) || OptionalCommonParameters.Contains(name)) continue;
            else if (name == nameof(BaseUri) && BaseUri is not null && Uri.Compare(BaseUri, current.BaseUri, UriComponents.AbsoluteUri, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0) continue;
            else return false;
        }

        return anyDefault;
    }

    /// <summary>Settings for the service's pipeline, after checking the base URI (terminating InvalidBaseUri when unsafe).</summary>
    private protected ConnectionSettings Settings(Uri baseUri, string header, string key, string uriSource = "-BaseUri")
    {
        var problem = BaseUriPolicy.Check(baseUri);
        if (problem is not null)
        {
            ThrowTerminating(new CmdletError(new ArgumentException($"{uriSource}: {problem}"), ErrorIds.InvalidBaseUri, ErrorCategory.InvalidArgument, baseUri));
        }

        if (ProxyUseDefaultCredentials.IsPresent && ProxyCredential is not null)
        {
            ThrowTerminating(new CmdletError(new ArgumentException("-ProxyCredential and -ProxyUseDefaultCredentials are mutually exclusive."),
                ErrorIds.ProxyCredentialConflict, ErrorCategory.InvalidArgument, null));
        }

        if (Proxy is not null)
        {
            // Never quote an address with an '@': what comes before it may be a password.
            var secretive = Proxy.OriginalString.IndexOf('@') >= 0;
            if (!Proxy.IsAbsoluteUri || (Proxy.Scheme != Uri.UriSchemeHttp && Proxy.Scheme != Uri.UriSchemeHttps))
            {
                ThrowTerminating(new CmdletError(new ArgumentException($"-Proxy {(secretive ? "(not shown)" : $"'{Proxy.OriginalString}'")} is not an http:// or https:// address."),
                    ErrorIds.InvalidProxy, ErrorCategory.InvalidArgument, secretive ? null : Proxy.OriginalString));
            }

            if (!string.IsNullOrEmpty(Proxy.UserInfo))
            {
                ThrowTerminating(new CmdletError(new ArgumentException("-Proxy must not contain a user name or password; pass them with -ProxyCredential."),
                    ErrorIds.InvalidProxy, ErrorCategory.InvalidArgument, null));
            }
        }

        if (Proxy is not null && BaseUriPolicy.IsLoopback(baseUri))
        {
            WriteVerbose($"-Proxy is not used for {baseUri.GetLeftPart(UriPartial.Authority)}: loopback requests never go through a proxy.");
        }

        return new ConnectionSettings(baseUri, header, key)
        {
            MaxRetries = MaxRetries,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            MaxRetryWait = TimeSpan.FromSeconds(MaxRetryWaitSec),
            MaxResponseBytes = MaxResponseSizeMB * 1024L * 1024L,
            UserAgent = UserAgent.For((GetVariableValue("PSVersionTable") as System.Collections.IDictionary)?["PSVersion"]?.ToString()),
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
            ProxyUseDefaultCredentials = ProxyUseDefaultCredentials.IsPresent,
        };
    }

    private (string Key, string Source) ReadSecret(string service)
    {
        var source = "SecretManagement:" + (Vault is null ? SecretName : $"{Vault}/{SecretName}");
        object? secret = null;
        try
        {
            secret = SecretReader.Read(this, SecretName!, Vault);
        }
        catch (SecretLookupException ex)
        {
            ThrowTerminating(new CmdletError(new ArgumentException($"Could not read the {service} API key from {source}: {ex.Message}", ex),
                ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, SecretName));
        }

        if (secret is null)
        {
            ThrowTerminating(new CmdletError(
                new InvalidOperationException("-SecretName needs the Microsoft.PowerShell.SecretManagement module, which is not installed."),
                ErrorIds.SecretManagementMissing, ErrorCategory.NotInstalled, SecretName)
            {
                RecommendedAction = "Install-Module Microsoft.PowerShell.SecretManagement, register a vault (e.g. Microsoft.PowerShell.SecretStore), or pass -ApiKey / set the environment variable instead.",
            });
        }

        var key = secret switch
        {
            SecureString secure => ApiKeyReader.ToPlainText(secure),
            PSCredential credential => ApiKeyReader.ToPlainText(credential.Password),
            System.Net.NetworkCredential network => network.Password,
            string text => text,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(key))
        {
            ThrowTerminating(new CmdletError(
                new ArgumentException($"The secret {source} is {(key is null ? "a " + secret!.GetType().Name : "empty")}; store the API key as a string or SecureString."),
                ErrorIds.SecretNotAKey, ErrorCategory.InvalidType, SecretName));
        }

        return (Checked(key!.Trim(), source), source);
    }

    /// <summary>The key, or a terminating InvalidApiKey error naming where it came from (never the key itself).</summary>
    private string Checked(string key, string source)
    {
        if (ConnectionSettings.KeyProblem(key) is { } problem)
        {
            ThrowTerminating(new CmdletError(new ArgumentException($"The API key from {source} {problem}. Nothing was sent."),
                ErrorIds.InvalidApiKey, ErrorCategory.InvalidArgument, source)
            {
                RecommendedAction = "Pass the key alone, without line breaks or other control characters (for a file: (Get-Content -Raw key.txt).Trim()).",
            });
        }

        return key;
    }

    private static CmdletError MissingKey(string service, string variable, string message) =>
        new(new ArgumentException(message), ErrorIds.ApiKeyMissing, ErrorCategory.InvalidArgument, null)
        {
            RecommendedAction = $"Connect-{service} -ApiKey (Read-Host -AsSecureString '{service} API key'), or set $env:{variable} in the runbook's environment.",
        };
}
