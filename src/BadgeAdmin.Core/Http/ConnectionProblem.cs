namespace BadgeAdmin.Core.Http;

/// <summary>Why a request got no answer at the network level, in the terms the retry rules need.</summary>
internal enum ConnectionProblem
{
    /// <summary>The host name does not resolve: nothing was sent, and trying again at once meets the same answer.</summary>
    Unresolvable,
    /// <summary>The host refused the connection: nothing was sent; worth a brief retry (a server restarting).</summary>
    Refused,
    /// <summary>The connection could not be opened for another reason (unreachable network): nothing was sent.</summary>
    NotOpened,
    /// <summary>The connection broke after the request may have left.</summary>
    Dropped,
}
