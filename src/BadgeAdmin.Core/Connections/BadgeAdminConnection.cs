using System;

namespace BadgeAdmin.Core.Connections;

/// <summary>
/// What a Connect-* cmdlet returns and keeps for the runspace: the service, where it points, how it was set up.
/// Never exposes the API key; ToString names only the service and address.
/// </summary>
public abstract class BadgeAdminConnection : IDisposable
{
    protected BadgeAdminConnection(string service, Uri baseUri, string apiKeySource, int maxRetries, TimeSpan timeout, Uri? proxy = null)
    {
        Proxy = proxy;
        Service = service;
        BaseUri = baseUri;
        ApiKeySource = apiKeySource;
        MaxRetries = maxRetries;
        TimeoutSec = (int)Math.Round(timeout.TotalSeconds);
        ConnectedAt = DateTimeOffset.Now;
    }

    public string Service { get; }

    public Uri BaseUri { get; }

    /// <summary>Where the key came from ("Parameter", or the environment variable's name), never the key itself.</summary>
    public string ApiKeySource { get; }

    public int MaxRetries { get; }

    /// <summary>The explicit proxy, or null for the system proxy.</summary>
    public Uri? Proxy { get; }

    public int TimeoutSec { get; }

    public DateTimeOffset ConnectedAt { get; }

    public bool IsDisposed { get; private set; }

    /// <summary>What this connection has read lately, for tab completion of ids.</summary>
    internal RecentlySeen Seen { get; } = new();

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        DisposeClient();
    }

    protected abstract void DisposeClient();

    public override string ToString() => $"{Service} at {BaseUri}";
}
