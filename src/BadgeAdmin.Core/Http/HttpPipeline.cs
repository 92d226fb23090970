using System;
using System.Net;
using System.Net.Http;
using BadgeAdmin.Core.Diagnostics;
using BadgeAdmin.Core.Pacing;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Builds the one HttpClient of a connection: API key → retry (with per-attempt timeout, each attempt paced by the
/// connection's <see cref="SendRatePacer"/>) → request logging → transport. Both handlers read bodies through the
/// connection's <see cref="ResponseBodyReader"/>.
/// Every call of every cmdlet goes through this chain; nothing else creates an HttpClient.
/// </summary>
public static class HttpPipeline
{
    /// <summary>Header names whose values are credentials in either API; masked wherever headers are shown.</summary>
    public static readonly string[] CredentialHeaders = { "Authorization", "X-API-KEY" };

    internal static HttpClient Create(ConnectionSettings settings, SecretRedactor redactor, SendRatePacer pacer, ResponseBodyReader bodies)
    {
        var logging = new RequestLoggingHandler(redactor, bodies, CredentialHeaders) { InnerHandler = Transport(settings) };
        var retry = new RetryHandler(settings, pacer, bodies, redactor) { InnerHandler = logging };
        var auth = new ApiKeyHandler(settings.ApiKeyHeader, settings.ApiKey, settings.UserAgent) { InnerHandler = retry };
        return new HttpClient(auth, disposeHandler: true)
        {
            BaseAddress = settings.BaseUri,
            // The retry handler enforces the per-attempt timeout; a whole-call timeout here would cut retries short.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    private static HttpClientHandler Transport(ConnectionSettings settings)
    {
        // No automatic redirects: a redirect to another host would carry the API key header along with it.
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseProxy = true };
        if (BaseUriPolicy.IsLoopback(settings.BaseUri))
        {
            // The sandbox is plain http: through a proxy the key would travel in clear text to a third party.
            // Every request of a connection goes to its base URI's host (no redirects, no foreign next links).
            handler.UseProxy = false;
            return handler;
        }

        var credentials = settings.ProxyUseDefaultCredentials ? CredentialCache.DefaultCredentials : settings.ProxyCredential;
        if (settings.Proxy is { } proxy)
        {
            handler.Proxy = new WebProxy(proxy) { Credentials = credentials, UseDefaultCredentials = settings.ProxyUseDefaultCredentials };
        }
        else if (credentials is not null)
        {
            handler.DefaultProxyCredentials = credentials; // the system proxy, authenticated
        }

        return handler;
    }
}
