namespace BadgeAdmin.Core.Http;

/// <summary>
/// Whether sending a request twice could apply a change twice. The retry handler reads it to decide which failures
/// it may retry: a create or a grant is retried only when the server certainly did not act on it.
/// </summary>
public enum RequestIntent
{
    /// <summary>Reads, updates and deletes: repeating them leaves the same state.</summary>
    Idempotent,
    /// <summary>Creates and grants: a repeat after the server acted would duplicate the change.</summary>
    NotIdempotent,
}
