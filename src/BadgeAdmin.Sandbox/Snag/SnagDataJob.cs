using System.Diagnostics;

namespace BadgeAdmin.Sandbox.Snag;

/// <summary>
/// The processing of one CSV file of a badge, as Snag's dataJobs show it (api-reference §1.5): pending for one step,
/// processing for the next, then its outcome (complete, failed or cancelled, as the sandbox's settings said when it
/// was created). Timed by a monotonic clock, so a wall-clock change cannot stall it. The sandbox downloads nothing: a
/// completed job adds no holders, and says so.
/// </summary>
public sealed class SnagDataJob
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public required Guid Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>How long each of pending and processing lasts.</summary>
    public required TimeSpan Step { get; init; }

    /// <summary>complete, failed or cancelled.</summary>
    public required string Outcome { get; init; }

    /// <summary>The file it processes, named in its message.</summary>
    public required string FileName { get; init; }

    /// <summary>Status, last change and message as of now, read together so they always agree.</summary>
    public (string Status, DateTimeOffset UpdatedAt, string? Message) State()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        if (elapsed < Step) return ("pending", CreatedAt, null);
        if (elapsed < Step + Step) return ("processing", CreatedAt + Step, null);
        var message = Outcome switch
        {
            "failed" => $"{FileName}: row 3: 'not-a-wallet' is not a valid wallet address",
            "cancelled" => $"{FileName}: cancelled",
            _ => $"{FileName}: processed (the sandbox downloads no file: no holders added)",
        };
        return (Outcome, CreatedAt + Step + Step, message);
    }
}
