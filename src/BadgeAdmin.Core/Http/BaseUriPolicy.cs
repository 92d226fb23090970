using System;
using System.Net;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Rules for a service base URI: absolute, HTTPS unless the host is loopback (the local sandbox), no credentials,
/// query or fragment, and a trailing slash so relative routes resolve under it.
/// </summary>
public static class BaseUriPolicy
{
    public static Uri Normalize(Uri baseUri)
    {
        if (baseUri is null) throw new ArgumentNullException(nameof(baseUri));
        var problem = Check(baseUri);
        if (problem is not null) throw new ArgumentException(problem, nameof(baseUri));
        var text = baseUri.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/", UriKind.Absolute);
    }

    /// <summary>Why a base URI is unacceptable, or null when it is fine.</summary>
    public static string? Check(Uri baseUri)
    {
        if (!baseUri.IsAbsoluteUri) return $"The base URI '{baseUri}' is not absolute; give a full address such as https://host/.";
        if (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp)
            return $"The base URI '{baseUri}' must use https.";
        if (!string.IsNullOrEmpty(baseUri.UserInfo)) return "The base URI must not contain credentials; give the key as the connection's API key instead.";
        if (!string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
            return $"The base URI '{baseUri.GetLeftPart(UriPartial.Path)}' must not have a query or fragment.";
        if (baseUri.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseUri))
            return $"The base URI '{baseUri.GetLeftPart(UriPartial.Path)}' uses http:// on a non-loopback host; the API key would travel in clear text. Use https://.";
        return null;
    }

    public static bool IsLoopback(Uri uri)
    {
        if (uri.IsLoopback) return true;
        return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>True when <paramref name="candidate"/> is on the same scheme, host and port as <paramref name="baseUri"/>.</summary>
    public static bool IsSameOrigin(Uri baseUri, Uri candidate) =>
        candidate.IsAbsoluteUri
        && string.Equals(baseUri.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(baseUri.Host, candidate.Host, StringComparison.OrdinalIgnoreCase)
        && baseUri.Port == candidate.Port;
}
