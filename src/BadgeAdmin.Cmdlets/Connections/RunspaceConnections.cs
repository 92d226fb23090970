using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>The connections of one runspace: at most one per service. Replacing one disposes the old.</summary>
internal sealed class RunspaceConnections
{
    private readonly object _gate = new();
    private PartnerPageConnection? _partnerPage;
    private SnagConnection? _snag;

    public PartnerPageConnection? PartnerPage
    {
        get
        {
            lock (_gate) return _partnerPage;
        }
    }

    public SnagConnection? Snag
    {
        get
        {
            lock (_gate) return _snag;
        }
    }

    public void SetPartnerPage(PartnerPageConnection? connection) => Replace(ref _partnerPage, connection);

    public void SetSnag(SnagConnection? connection) => Replace(ref _snag, connection);

    /// <summary>Drops and disposes every connection (Remove-Module).</summary>
    public void Clear()
    {
        SetPartnerPage(null);
        SetSnag(null);
    }

    private void Replace<T>(ref T? slot, T? connection)
        where T : class, System.IDisposable
    {
        T? previous;
        lock (_gate)
        {
            previous = slot;
            slot = connection;
        }

        if (!ReferenceEquals(previous, connection)) previous?.Dispose();
    }
}
