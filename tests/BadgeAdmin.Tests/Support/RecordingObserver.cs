using BadgeAdmin.Core.Diagnostics;

namespace BadgeAdmin.Tests.Support;

/// <summary>Collects what the HTTP pipeline reports, for client-level tests (the cmdlet layer's pump does this in production).</summary>
internal sealed class RecordingObserver : IRequestObserver
{
    private readonly object _gate = new();

    public bool WantsBodies { get; init; }

    public List<string> Completed { get; } = new();

    public List<string> Details { get; } = new();

    public List<string> Retries { get; } = new();

    public void RequestCompleted(string summary)
    {
        lock (_gate) Completed.Add(summary);
    }

    public void Detail(string text)
    {
        lock (_gate) Details.Add(text);
    }

    public void Retrying(string notice)
    {
        lock (_gate) Retries.Add(notice);
    }
}
