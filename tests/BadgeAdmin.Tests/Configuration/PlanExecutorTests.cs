using BadgeAdmin.Tests.Support;
using BadgeAdmin.Core.Configuration.Plan;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Tests.Configuration;

/// <summary>Applying a plan: phases in order, at most -ThrottleLimit at once, a failure reported and the rest done, dependents skipped.</summary>
public sealed class PlanExecutorTests
{
    private static PlannedChange Change(string name, PlanPhase phase, Func<CancellationToken, Task<Guid?>> apply, PlannedChange? dependsOn = null) =>
        new(new BadgeConfigurationChange { Action = ChangeActions.Update, Target = name, Name = name }, phase, (_, token) => apply(token), dependsOn);

    private static async Task<List<ChangeOutcome>> Apply(IReadOnlyList<PlannedChange> changes, int concurrency)
    {
        var outcomes = new List<ChangeOutcome>();
        await foreach (var outcome in PlanExecutor.ApplyAsync(changes, new ApplyContext(null, null), concurrency, CancellationToken.None)) outcomes.Add(outcome);
        return outcomes;
    }

    [Fact]
    public async Task Phases_run_in_order_and_within_one_at_most_the_limit_run_at_once()
    {
        var running = 0;
        var most = 0;
        var order = new List<string>();
        Func<CancellationToken, Task<Guid?>> Work(string name) => async token =>
        {
            var now = Interlocked.Increment(ref running);
            lock (order)
            {
                most = Math.Max(most, now);
                order.Add(name);
            }

            await Task.Delay(20, token);
            Interlocked.Decrement(ref running);
            return null;
        };
        var changes = Enumerable.Range(0, 8).Select(i => Change("update " + i, PlanPhase.Update, Work("update"))).Append(Change("detach", PlanPhase.Detach, Work("detach"))).ToList();

        var outcomes = await Apply(changes, 3);

        Assert.Equal(9, outcomes.Count(o => o.Succeeded));
        Assert.Equal("detach", order[0]);
        Assert.Equal(3, most);
    }

    [Fact]
    public async Task A_failure_is_its_change_outcome_the_rest_go_on_and_what_needs_it_is_skipped()
    {
        var failing = Change("create", PlanPhase.Create, _ => throw new ArgumentException("refused before sending"));
        var attach = Change("attach", PlanPhase.Attach, _ => Task.FromResult<Guid?>(Guid.NewGuid()), failing);
        var other = Change("other", PlanPhase.Attach, _ => Task.FromResult<Guid?>(null));
        var notChosen = Change("not confirmed", PlanPhase.Create, _ => Task.FromResult<Guid?>(null));
        var orphan = Change("orphan", PlanPhase.Attach, _ => Task.FromResult<Guid?>(null), notChosen);

        var outcomes = await Apply(new[] { failing, attach, other, orphan }, 4);

        Assert.IsType<ArgumentException>(outcomes.Single(o => o.Planned == failing).Error);
        Assert.Contains("did not succeed", outcomes.Single(o => o.Planned == attach).Skipped, StringComparison.Ordinal);
        Assert.Contains("was not confirmed", outcomes.Single(o => o.Planned == orphan).Skipped, StringComparison.Ordinal);
        Assert.True(outcomes.Single(o => o.Planned == other).Succeeded);
    }

    [Fact]
    public async Task An_api_failure_is_reported_with_its_exception()
    {
        var error = new ApiException(ApiFailureKind.BadRequest, "refused", "POST", "/x", System.Net.HttpStatusCode.BadRequest, "refused");
        var outcomes = await Apply(new[] { Change("x", PlanPhase.Update, _ => throw error) }, 1);

        Assert.Same(error, Assert.Single(outcomes).Error);
    }
}
