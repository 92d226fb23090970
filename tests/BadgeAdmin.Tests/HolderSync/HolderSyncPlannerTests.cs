using BadgeAdmin.Core.HolderSync;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Tests.HolderSync;

/// <summary>The difference between the users a list wants holding a badge and the badge's user badges.</summary>
public sealed class HolderSyncPlannerTests
{
    private static LoyaltyBadgeUser UserBadge(Guid? userId, string? wallet, string status = "active", bool deleted = false) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        Status = status,
        DeletedAt = deleted ? DateTimeOffset.UnixEpoch : null,
        User = wallet is null ? null : new LoyaltyUserReference { Id = userId, WalletAddress = wallet },
    };

    private static LoyaltyUserIdentity Wallet(string wallet) => new(null, wallet);

    private static LoyaltyUserIdentity Id(Guid id, string? wallet = null) => new(id, wallet);

    private static string W(int i) => $"0x{i:x40}";

    [Fact]
    public void Only_listed_users_without_the_badge_are_granted_and_nobody_is_revoked_without_asking()
    {
        var planner = new HolderSyncPlanner();
        var held = Guid.NewGuid();
        planner.AddHolder(UserBadge(held, W(1)));
        planner.AddHolder(UserBadge(Guid.NewGuid(), W(2)));
        planner.AddWanted(Wallet(W(1)));
        planner.AddWanted(Wallet(W(3)));

        var plan = planner.Plan(revokeUnlisted: false);

        var grant = Assert.Single(plan.Grants);
        Assert.Equal((HolderChangeKind.Grant, W(3), (Guid?)null, false), (grant.Kind, grant.User.WalletAddress, grant.User.UserId, grant.Reactivates));
        Assert.Empty(plan.Revokes);
        Assert.Equal((2, 1, 1, 0), (plan.Wanted, plan.AlreadyHeld, plan.Unlisted, plan.Duplicates));
    }

    [Fact]
    public void Revoking_unlisted_holders_takes_only_active_ones_and_names_them_by_user_id()
    {
        var planner = new HolderSyncPlanner();
        var (kept, gone, inactive, revoked) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        planner.AddHolder(UserBadge(kept, W(1)));
        planner.AddHolder(UserBadge(gone, W(2)));
        planner.AddHolder(UserBadge(inactive, W(3), "inactive"));
        planner.AddHolder(UserBadge(revoked, W(4), "revoked"));
        planner.AddWanted(Id(kept));

        var plan = planner.Plan(revokeUnlisted: true);

        Assert.Empty(plan.Grants);
        var revoke = Assert.Single(plan.Revokes);
        Assert.Equal((HolderChangeKind.Revoke, gone, W(2), "active"), (revoke.Kind, revoke.User.UserId!.Value, revoke.User.WalletAddress, revoke.CurrentStatus));
        Assert.Equal(gone.ToString(), revoke.User.ToString()); // the request names the user id
        Assert.Equal(1, plan.Unlisted);
    }

    [Theory]
    [InlineData("inactive", false)]
    [InlineData("revoked", false)]
    [InlineData("active", true)]
    [InlineData("REVOKED", false)]
    public void A_listed_user_whose_badge_is_not_active_is_granted_again(string status, bool deleted)
    {
        var planner = new HolderSyncPlanner();
        var user = Guid.NewGuid();
        planner.AddHolder(UserBadge(user, W(7), status, deleted));
        planner.AddWanted(Wallet(W(7)));

        var plan = planner.Plan(revokeUnlisted: true);

        var grant = Assert.Single(plan.Grants);
        Assert.True(grant.Reactivates);
        Assert.Equal(deleted ? "deleted" : status.ToLowerInvariant(), grant.CurrentStatus);
        Assert.Equal((user, W(7)), (grant.User.UserId!.Value, grant.User.WalletAddress)); // sent by the id the listing gave
        Assert.Empty(plan.Revokes);
        Assert.Equal((0, 0), (plan.AlreadyHeld, plan.Unlisted));
    }

    [Fact]
    public void A_checksummed_wallet_is_its_lower_case_holder_but_other_addresses_must_match_exactly()
    {
        var planner = new HolderSyncPlanner();
        planner.AddHolder(UserBadge(Guid.NewGuid(), "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        planner.AddHolder(UserBadge(Guid.NewGuid(), "So11111111111111111111111111111111111111112"));
        planner.AddWanted(Wallet("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
        planner.AddWanted(Wallet("sO11111111111111111111111111111111111111112"));

        var plan = planner.Plan(revokeUnlisted: true);

        Assert.Equal(1, plan.AlreadyHeld);
        Assert.Equal("sO11111111111111111111111111111111111111112", Assert.Single(plan.Grants).User.WalletAddress);
        Assert.Equal("So11111111111111111111111111111111111111112", Assert.Single(plan.Revokes).User.WalletAddress);
    }

    [Fact]
    public void A_user_named_twice_is_sent_once_and_counted_as_a_duplicate()
    {
        var planner = new HolderSyncPlanner();
        var holder = Guid.NewGuid();
        var missing = Guid.NewGuid();
        planner.AddHolder(UserBadge(holder, W(1), "revoked"));

        Assert.True(planner.AddWanted(Wallet("0xABC")));
        Assert.False(planner.AddWanted(Wallet("0xabc"))); // the same wallet in another case
        Assert.True(planner.AddWanted(Id(missing)));
        Assert.False(planner.AddWanted(Id(missing, "0xdef")));
        Assert.True(planner.AddWanted(Wallet(W(1))));
        Assert.True(planner.AddWanted(Id(holder))); // the same holder, by id this time
        var plan = planner.Plan(revokeUnlisted: false);

        Assert.Equal(new[] { "0xABC", missing.ToString(), holder.ToString() }, plan.Grants.Select(g => g.User.ToString()));
        Assert.Equal((3, 3), (plan.Wanted, plan.Duplicates));
    }

    [Fact]
    public void The_list_and_the_listing_may_come_in_either_order()
    {
        var (first, second) = (new HolderSyncPlanner(), new HolderSyncPlanner());
        var holders = Enumerable.Range(0, 5).Select(i => UserBadge(Guid.NewGuid(), W(i))).ToList();
        var wanted = Enumerable.Range(3, 5).Select(i => Wallet(W(i))).ToList();

        holders.ForEach(first.AddHolder);
        wanted.ForEach(w => first.AddWanted(w));
        wanted.ForEach(w => second.AddWanted(w));
        holders.ForEach(second.AddHolder);

        static object Shape(HolderSyncPlan p) => string.Join(";", p.Grants.Concat(p.Revokes).Select(c => c.ToString())) + $"|{p.AlreadyHeld}|{p.Unlisted}";
        Assert.Equal(Shape(first.Plan(true)), Shape(second.Plan(true)));
        Assert.Equal(3, first.Plan(true).Grants.Count);
        Assert.Equal(3, first.Plan(true).Revokes.Count);
    }

    [Fact]
    public void A_user_id_item_matches_its_holder_by_id_whatever_wallet_it_carries()
    {
        var planner = new HolderSyncPlanner();
        var user = Guid.NewGuid();
        planner.AddHolder(UserBadge(user, W(1)));
        planner.AddWanted(Id(user, W(99)));

        var plan = planner.Plan(revokeUnlisted: true);

        Assert.Equal((1, 0, 0), (plan.AlreadyHeld, plan.Grants.Count, plan.Revokes.Count));
    }

    [Fact]
    public void A_holder_shown_without_a_wallet_is_never_revoked_while_a_wallet_item_is_unmatched()
    {
        var planner = new HolderSyncPlanner();
        planner.AddHolder(UserBadge(Guid.NewGuid(), null)); // the listing has no embedded user for it
        planner.AddHolder(UserBadge(null, null));
        var other = Guid.NewGuid();
        planner.AddHolder(UserBadge(other, W(2)));
        planner.AddWanted(Wallet(W(1))); // may be the first holder

        var plan = planner.Plan(revokeUnlisted: true);

        Assert.Equal(other, Assert.Single(plan.Revokes).User.UserId);
        Assert.Equal((3, 2), (plan.Unlisted, plan.Undetermined));
        Assert.Single(plan.Grants);
    }

    [Fact]
    public void Ten_thousand_wanted_of_whom_nine_thousand_hold_it_are_a_thousand_grants_in_input_order()
    {
        var planner = new HolderSyncPlanner();
        for (var i = 0; i < 9000; i++) planner.AddHolder(UserBadge(Guid.NewGuid(), W(i)));
        for (var i = 0; i < 10_000; i++) planner.AddWanted(Wallet(i % 2 == 0 ? W(i) : W(i).ToUpperInvariant().Replace("0X", "0x")));

        var plan = planner.Plan(revokeUnlisted: true);

        Assert.Equal(Enumerable.Range(9000, 1000).Select(W), plan.Grants.Select(g => g.User.WalletAddress!.ToLowerInvariant()));
        Assert.Empty(plan.Revokes);
        Assert.Equal((10_000, 9000, 0, 0), (plan.Wanted, plan.AlreadyHeld, plan.Unlisted, plan.Duplicates));
    }

    [Fact]
    public void Describe_names_the_wallet_with_the_user_id()
    {
        var id = Guid.NewGuid();

        Assert.Equal($"wallet 0xabc (user {id})", new HolderChange(HolderChangeKind.Grant, Id(id, "0xabc"), null).Describe());
        Assert.Equal("wallet 0xabc", new HolderChange(HolderChangeKind.Grant, Wallet("0xabc"), null).Describe());
        Assert.Equal($"user {id}", new HolderChange(HolderChangeKind.Revoke, Id(id), "active").Describe());
    }
}
