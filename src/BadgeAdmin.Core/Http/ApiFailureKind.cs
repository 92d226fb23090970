namespace BadgeAdmin.Core.Http;

/// <summary>What went wrong with a call, in the terms a caller branches on.</summary>
public enum ApiFailureKind
{
    /// <summary>400 or 422: the server refused the request's content.</summary>
    BadRequest,
    /// <summary>401: the API key was missing or refused.</summary>
    Unauthorized,
    /// <summary>403: the key is valid but lacks the permission.</summary>
    Forbidden,
    /// <summary>404: the entry, badge or route does not exist.</summary>
    NotFound,
    /// <summary>409: the change conflicts with the current state.</summary>
    Conflict,
    /// <summary>429 that outlasted the retry wait budget, or asked for a wait beyond it.</summary>
    RateLimited,
    /// <summary>5xx that outlasted the retries.</summary>
    ServerError,
    /// <summary>Any other unexpected status.</summary>
    UnexpectedStatus,
    /// <summary>An attempt exceeded the per-attempt timeout.</summary>
    Timeout,
    /// <summary>The connection failed or dropped.</summary>
    ConnectionFailed,
    /// <summary>The server answered with a body we could not read (HTML, truncated JSON, empty, wrong type, over the size limit).</summary>
    InvalidResponse,
    /// <summary>The server's TLS certificate (or the TLS handshake) was refused; not retried.</summary>
    CertificateRejected,
    /// <summary>The server did not answer the TLS handshake at all (a plain-http port given as https://); not retried.</summary>
    NotTls,
}
