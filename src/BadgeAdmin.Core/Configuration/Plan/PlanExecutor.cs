using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>
/// Applies approved changes phase by phase (<see cref="PlanPhase"/>): within a phase up to <c>concurrency</c> at
/// once, each reported as it ends. A failure is that change's outcome and the rest go on; a change whose prerequisite
/// did not happen (failed, or not confirmed) is skipped with the reason, so a rerun can pick it up.
/// </summary>
internal static class PlanExecutor
{
    public static async IAsyncEnumerable<ChangeOutcome> ApplyAsync(IReadOnlyList<PlannedChange> approved, ApplyContext context, int concurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chosen = new HashSet<PlannedChange>(approved);
        var done = new HashSet<PlannedChange>();
        foreach (var phase in approved.GroupBy(c => c.Phase).OrderBy(g => g.Key))
        {
            var waiting = new Queue<PlannedChange>(phase);
            var running = new List<Task<ChangeOutcome>>();
            while (waiting.Count > 0 || running.Count > 0)
            {
                while (running.Count < Math.Max(1, concurrency) && waiting.Count > 0)
                {
                    var next = waiting.Dequeue();
                    if (next.DependsOn is { } first && !done.Contains(first))
                    {
                        var why = chosen.Contains(first) ? "did not succeed" : "was not confirmed";
                        yield return ChangeOutcome.Skip(next, $"Not done: it needs \"{first.Change.Action} {first.Change.Target}\" first, which {why}. Run the sync again once that is fixed.");
                        continue;
                    }

                    running.Add(RunAsync(next, context, cancellationToken));
                }

                if (running.Count == 0) continue;
                var finished = await Task.WhenAny(running).ConfigureAwait(false);
                running.Remove(finished);
                var outcome = await finished.ConfigureAwait(false);
                if (outcome.Succeeded) done.Add(outcome.Planned);
                yield return outcome;
            }
        }
    }

    private static async Task<ChangeOutcome> RunAsync(PlannedChange change, ApplyContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ChangeOutcome.Done(change, await change.Apply(context, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is ApiException or ArgumentException or ReplaceIncompleteException && !cancellationToken.IsCancellationRequested)
        {
            return ChangeOutcome.Failed(change, ex);
        }
    }
}
