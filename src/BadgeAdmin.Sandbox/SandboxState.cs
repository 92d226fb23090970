using BadgeAdmin.Sandbox.Control;
using BadgeAdmin.Sandbox.PartnerPage;
using BadgeAdmin.Sandbox.Snag;

namespace BadgeAdmin.Sandbox;

/// <summary>All in-memory state of one sandbox; reset puts the data back to the seed, clears the log and faults, and sets the
/// latency and rate limit back to the command line's.</summary>
public sealed class SandboxState
{
    public SandboxState(SandboxOptions options)
    {
        Options = options;
        PartnerPage = new PartnerPageData();
        Snag = new SnagData(options.SnagBadges);
        LatencyMs = options.LatencyMs;
        Requests = new RequestLog(options.RequestLogSize);
        RateLimit.Configure(options.RateLimit, options.RateLimitBurst, options.RateLimitRetryAfter);
    }

    public SandboxOptions Options { get; }

    public RequestLog Requests { get; }

    /// <summary>The API rate limit (--rate-limit; rateLimitPerSecond in /_sandbox/settings).</summary>
    public RateLimiter RateLimit { get; } = new();

    public FaultPlan Faults { get; } = new();

    public PartnerPageData PartnerPage { get; }

    public SnagData Snag { get; }

    /// <summary>Drift (api-reference §1.8): send hasNextPage as the string "true"/"false".</summary>
    public bool SnagHasNextPageAsString { get; set; }

    /// <summary>Drift (§1.8 #2): name embedded user badges "LoyaltyBadgeUser" instead of "loyaltyBadgeUsers".</summary>
    public bool SnagLegacyUserBadgeKey { get; set; }

    /// <summary>Drift (§1.8 #4): badge_users as "envelope" ({data, hasNextPage}), "array" or "object" (one user badge).</summary>
    public string SnagBadgeUsersShape { get; set; } = "envelope";

    /// <summary>How long a new data job stays pending, then processing, before its outcome (a CSV file's processing).</summary>
    public int SnagDataJobMs { get; set; } = DefaultSnagDataJobMs;

    /// <summary>How new data jobs end: "complete", "failed" or "cancelled" (tests make one fail with it).</summary>
    public string SnagDataJobOutcome { get; set; } = "complete";

    public const int DefaultSnagDataJobMs = 1000;

    /// <summary>PartnerPage listing shape: "envelope" ({count, next, previous, results}) or "array".</summary>
    public string PartnerPageListStyle { get; set; } = "envelope";

    /// <summary>Items per PartnerPage list page when the client sends no limit.</summary>
    public int PartnerPagePageSize { get; set; } = PartnerPageData.DefaultPageSize;

    public int LatencyMs { get; set; }

    public void Reset()
    {
        PartnerPage.Reset();
        Snag.Reset();
        SnagHasNextPageAsString = false;
        SnagLegacyUserBadgeKey = false;
        SnagBadgeUsersShape = "envelope";
        SnagDataJobMs = DefaultSnagDataJobMs;
        SnagDataJobOutcome = "complete";
        Requests.Clear();
        Faults.Clear();
        PartnerPageListStyle = "envelope";
        PartnerPagePageSize = PartnerPageData.DefaultPageSize;
        LatencyMs = Options.LatencyMs;
        RateLimit.Configure(Options.RateLimit, Options.RateLimitBurst, Options.RateLimitRetryAfter);
    }
}
