using System;

namespace BadgeAdmin.Core.Http;

/// <summary>What a connection needs to build its HTTP pipeline. The key stays inside the pipeline once built.</summary>
public sealed class ConnectionSettings
{
    public const int DefaultMaxRetries = 2;
    public const int DefaultTimeoutSeconds = 60;

    public ConnectionSettings(Uri baseUri, string apiKeyHeader, string apiKey)
    {
        BaseUri = BaseUriPolicy.Normalize(baseUri);
        ApiKeyHeader = apiKeyHeader;
        ApiKey = string.IsNullOrEmpty(apiKey) ? throw new ArgumentException("The API key is empty.", nameof(apiKey)) : apiKey;
    }

    /// <summary>Service root, always ending in '/'.</summary>
    public Uri BaseUri { get; }

    public string ApiKeyHeader { get; }

    internal string ApiKey { get; }

    /// <summary>Retries after the first attempt for retryable failures.</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>Per-attempt timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>Sent on every request.</summary>
    public string UserAgent { get; init; } = "BadgeAdmin";

    /// <summary>An explicit proxy; null uses the system proxy.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>Credentials for the proxy (the explicit one, or the system proxy when <see cref="Proxy"/> is null).</summary>
    public System.Net.ICredentials? ProxyCredential { get; init; }

    /// <summary>Authenticate to the proxy as the current Windows user.</summary>
    public bool ProxyUseDefaultCredentials { get; init; }

    /// <summary>Replaces the real transport; tests and benchmarks use it. Null means the platform handler.</summary>
    public Func<System.Net.Http.HttpMessageHandler>? TransportFactory { get; init; }

    /// <summary>Replaces the real delay between retries; tests use it to run the retry logic without waiting.</summary>
    internal Func<TimeSpan, System.Threading.CancellationToken, System.Threading.Tasks.Task>? DelayOverride { get; init; }
}
