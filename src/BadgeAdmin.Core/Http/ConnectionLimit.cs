namespace BadgeAdmin.Core.Http;

/// <summary>
/// One of a connection's own limits (<see cref="ConnectionSettings"/>) that can end a call: the shell names the setting
/// that raises it, Core only says which it was.
/// </summary>
public enum ConnectionLimit
{
    /// <summary><see cref="ConnectionSettings.MaxRetries"/>: retries of failures other than rate limits.</summary>
    MaxRetries,
    /// <summary><see cref="ConnectionSettings.MaxRetryWait"/>: the time one request may spend waiting between attempts.</summary>
    MaxRetryWait,
    /// <summary><see cref="ConnectionSettings.MaxResponseBytes"/>: the size of one response body.</summary>
    MaxResponseBytes,
}
