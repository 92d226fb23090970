using System;

namespace BadgeAdmin.Core.Connections;

/// <summary>
/// What a Connect-* cmdlet returns and keeps for the runspace: the service, where it points, how it was set up.
/// Never exposes the API key; ToString names only the service and address.
/// </summary>
public abstract class BadgeAdminConnection : IDisposable
{
    protected BadgeAdminConnection(string service, Http.ConnectionSettings settings, string apiKeySource)
    {
        Proxy = WithoutUserInfo(settings.Proxy);
        Service = service;
        BaseUri = settings.BaseUri;
        ApiKeySource = apiKeySource;
        MaxRetries = settings.MaxRetries;
        TimeoutSec = (int)Math.Round(settings.Timeout.TotalSeconds);
        MaxRetryWaitSec = (int)Math.Round(settings.MaxRetryWait.TotalSeconds);
        MaxResponseSizeMB = (int)Math.Ceiling(settings.MaxResponseBytes / (1024.0 * 1024.0));
        ConnectedAt = DateTimeOffset.Now;
    }

    /// <summary>A proxy address as shown: a user name or password in it (refused by Connect-*) would be shown, so it is masked.</summary>
    private static Uri? WithoutUserInfo(Uri? proxy)
    {
        if (proxy is null || !proxy.IsAbsoluteUri || string.IsNullOrEmpty(proxy.UserInfo)) return proxy;
        return new UriBuilder(proxy) { UserName = string.Empty, Password = string.Empty }.Uri;
    }

    public string Service { get; }

    public Uri BaseUri { get; }

    /// <summary>Where the key came from ("Parameter", or the environment variable's name), never the key itself.</summary>
    public string ApiKeySource { get; }

    public int MaxRetries { get; }

    /// <summary>The explicit proxy, or null for the system proxy.</summary>
    public Uri? Proxy { get; }

    public int TimeoutSec { get; }

    /// <summary>The longest one request may wait between attempts in all (rate limits included).</summary>
    public int MaxRetryWaitSec { get; }

    /// <summary>The largest response body accepted, in MB.</summary>
    public int MaxResponseSizeMB { get; }

    public DateTimeOffset ConnectedAt { get; }

    public bool IsDisposed { get; private set; }

    /// <summary>What this connection has read lately, for tab completion of ids.</summary>
    internal RecentlySeen Seen { get; } = new();

    /// <summary>Paces every request of this connection, in every runspace that uses it.</summary>
    internal Pacing.SendRatePacer Pacer { get; } = new();

    /// <summary>
    /// The rate the server accepts, learned from its rate limits (429), in requests per second: the connection paces
    /// itself just under it. Null while no limit is near (nothing is paced).
    /// </summary>
    public double? SendRateLimit => Pacer.AcceptedPerSecond is { } rate ? Math.Round(rate, 1) : null;

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        DisposeClient();
    }

    protected abstract void DisposeClient();

    public override string ToString() => $"{Service} at {BaseUri}";
}
