using System;

namespace BadgeAdmin.Core.Http;

/// <summary>What a connection needs to build its HTTP pipeline. The key stays inside the pipeline once built.</summary>
public sealed class ConnectionSettings
{
    public const int DefaultMaxRetries = 4;
    public const int DefaultTimeoutSeconds = 60;
    public const int DefaultMaxRetryWaitSeconds = 60;
    public const int DefaultMaxResponseSizeMB = 64;

    public ConnectionSettings(Uri baseUri, string apiKeyHeader, string apiKey)
    {
        BaseUri = BaseUriPolicy.Normalize(baseUri);
        ApiKeyHeader = apiKeyHeader;
        if (string.IsNullOrEmpty(apiKey)) throw new ArgumentException("The API key is empty.", nameof(apiKey));
        if (KeyProblem(apiKey) is { } problem) throw new ArgumentException($"The API key {problem}.", nameof(apiKey));
        ApiKey = apiKey;
    }

    /// <summary>
    /// Why a key cannot go into a header, or null: a control character (a line break from a file, say) would end the
    /// header early or inject another. Never quotes the key.
    /// </summary>
    public static string? KeyProblem(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (char.IsControl(key[i])) return $"contains a control character (U+{(int)key[i]:X4}); a key is one line of printable text";
        }

        return null;
    }

    /// <summary>Service root, always ending in '/'.</summary>
    public Uri BaseUri { get; }

    public string ApiKeyHeader { get; }

    internal string ApiKey { get; }

    /// <summary>Retries after the first attempt for failures other than rate limits; 0 disables every retry.</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>Per-attempt timeout, body included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>
    /// The longest one request may spend waiting between attempts, in all. Rate limits (429) are retried as long as
    /// their waits fit; a wait the server asks for beyond it is reported, not waited.
    /// </summary>
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(DefaultMaxRetryWaitSeconds);

    /// <summary>The most one response body may hold; a larger one is an InvalidResponse error, not retried.</summary>
    public long MaxResponseBytes { get; init; } = DefaultMaxResponseSizeMB * 1024L * 1024L;

    /// <summary>Sent on every request.</summary>
    public string UserAgent { get; init; } = "BadgeAdmin";

    /// <summary>An explicit proxy; null uses the system proxy. Neither is used for a loopback base URI.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>Credentials for the proxy (the explicit one, or the system proxy when <see cref="Proxy"/> is null).</summary>
    public System.Net.ICredentials? ProxyCredential { get; init; }

    /// <summary>Authenticate to the proxy as the current Windows user.</summary>
    public bool ProxyUseDefaultCredentials { get; init; }
}
