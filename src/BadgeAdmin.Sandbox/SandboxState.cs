using BadgeAdmin.Sandbox.Control;
using BadgeAdmin.Sandbox.PartnerPage;

namespace BadgeAdmin.Sandbox;

/// <summary>All in-memory state of one sandbox; reset puts the data back to the seed and clears the log and faults.</summary>
public sealed class SandboxState
{
    public SandboxState(SandboxOptions options)
    {
        Options = options;
        PartnerPage = new PartnerPageData();
        LatencyMs = options.LatencyMs;
    }

    public SandboxOptions Options { get; }

    public RequestLog Requests { get; } = new();

    public FaultPlan Faults { get; } = new();

    public PartnerPageData PartnerPage { get; }

    /// <summary>PartnerPage listing shape: "envelope" ({count, next, previous, results}) or "array".</summary>
    public string PartnerPageListStyle { get; set; } = "envelope";

    /// <summary>Items per PartnerPage list page when the client sends no limit.</summary>
    public int PartnerPagePageSize { get; set; } = PartnerPageData.DefaultPageSize;

    public int LatencyMs { get; set; }

    public void Reset()
    {
        PartnerPage.Reset();
        Requests.Clear();
        Faults.Clear();
        PartnerPageListStyle = "envelope";
        PartnerPagePageSize = PartnerPageData.DefaultPageSize;
        LatencyMs = Options.LatencyMs;
    }
}
