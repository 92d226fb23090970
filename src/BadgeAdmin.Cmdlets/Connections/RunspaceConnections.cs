using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>The connections of one runspace: at most one per service. Replacing one disposes the old.</summary>
internal sealed class RunspaceConnections
{
    private readonly object _gate = new();
    private PartnerPageConnection? _partnerPage;

    public PartnerPageConnection? PartnerPage
    {
        get
        {
            lock (_gate) return _partnerPage;
        }
    }

    public void SetPartnerPage(PartnerPageConnection? connection)
    {
        PartnerPageConnection? previous;
        lock (_gate)
        {
            previous = _partnerPage;
            _partnerPage = connection;
        }

        if (!ReferenceEquals(previous, connection)) previous?.Dispose();
    }

    /// <summary>Drops and disposes every connection (Remove-Module).</summary>
    public void Clear() => SetPartnerPage(null);
}
