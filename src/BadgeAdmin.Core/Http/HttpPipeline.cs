using System;
using System.Net.Http;
using BadgeAdmin.Core.Diagnostics;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Builds the one HttpClient of a connection: API key → retry (with per-attempt timeout) → request logging → transport.
/// Every call of every cmdlet goes through this chain; nothing else creates an HttpClient.
/// </summary>
public static class HttpPipeline
{
    /// <summary>Header names whose values are credentials in either API; masked wherever headers are shown.</summary>
    public static readonly string[] CredentialHeaders = { "Authorization", "X-API-KEY" };

    public static HttpClient Create(ConnectionSettings settings, SecretRedactor redactor)
    {
        // No automatic redirects: a redirect to another host would carry the API key header along with it.
        var transport = settings.TransportFactory?.Invoke() ?? new HttpClientHandler { AllowAutoRedirect = false };
        var logging = new RequestLoggingHandler(redactor, CredentialHeaders) { InnerHandler = transport };
        var retry = new RetryHandler(settings.MaxRetries, settings.Timeout, new RetryGate(), settings.DelayOverride) { InnerHandler = logging };
        var auth = new ApiKeyHandler(settings.ApiKeyHeader, settings.ApiKey, settings.UserAgent) { InnerHandler = retry };
        return new HttpClient(auth, disposeHandler: true)
        {
            BaseAddress = settings.BaseUri,
            // The retry handler enforces the per-attempt timeout; a whole-call timeout here would cut retries short.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }
}
