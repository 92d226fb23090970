namespace BadgeAdmin.Core.Diagnostics;

/// <summary>
/// Receives what the HTTP pipeline has to say about a request while it runs on a thread-pool thread.
/// The cmdlet layer queues these and writes them on the pipeline thread (PowerShell forbids writes from elsewhere).
/// </summary>
public interface IRequestObserver
{
    /// <summary>True when request and response bodies should be reported (PowerShell's -Debug).</summary>
    bool WantsBodies { get; }

    /// <summary>One line per HTTP attempt: method, path, status and time.</summary>
    void RequestCompleted(string summary);

    /// <summary>Request/response detail with secrets already redacted.</summary>
    void Detail(string text);

    /// <summary>A retry is about to wait: why, and for how long.</summary>
    void Retrying(string notice);
}
