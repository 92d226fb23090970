using BadgeAdmin.Tests.Support;
using BadgeAdmin.Core.Configuration;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Plan;
using BadgeAdmin.Core.Configuration.Server;
using BadgeAdmin.Core.Json;
using BadgeAdmin.Core.PartnerPage.Models;
using BadgeAdmin.Core.Snag.Models;
using BadgeAdmin.Yaml;

namespace BadgeAdmin.Tests.Configuration;

/// <summary>
/// The plan from a file and what the server holds, without HTTP: normalisation (a fresh export compares clean),
/// matching by id then name, ambiguity, -Prune inside the file's scope, Replace for other conditions, the apply order.
/// </summary>
public sealed class DifferTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly LoyaltyWebsite Main = new() { Id = Guid.NewGuid(), Name = "Main Website" };
    private static readonly LoyaltyWebsite Beta = new() { Id = Guid.NewGuid(), Name = "Beta Website" };

    private static LoyaltyBadge Server(string name, string type = "api", string? description = "d", bool hide = false, IEnumerable<LoyaltyReward>? rewards = null, int holders = 0, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Name = name,
        Description = description,
        ImageUrl = "https://x.example/" + name + ".png",
        HideInUi = hide,
        Conditions = new ItemList<LoyaltyCondition> { new() { Id = Guid.NewGuid(), Type = type, Description = type + " condition", Association = new List<LoyaltyConditionAssociation>() } },
        Rewards = new ItemList<LoyaltyReward>(rewards ?? Array.Empty<LoyaltyReward>()),
        UserBadges = new ItemList<LoyaltyBadgeUser>(Enumerable.Range(0, holders).Select(_ => new LoyaltyBadgeUser { Id = Guid.NewGuid(), Status = "active" })),
    };

    private static SnagSnapshot Snapshot(params LoyaltyBadge[] main) => new()
    {
        Websites = new[] { Main, Beta },
        Badges = new Dictionary<Guid, IReadOnlyList<LoyaltyBadge>> { [Main.Id] = main, [Beta.Id] = new[] { Server("Beta only") } },
    };

    private static BadgeConfiguration File(string yaml) => ConfigurationReader.Read(new YamlConfigurationSyntax().ReadText(yaml, "f.yaml"), "f.yaml");

    /// <summary>What an export of the snapshot writes, read back as a file.</summary>
    private static BadgeConfiguration Exported(SnagSnapshot snapshot, params Guid[] websites)
    {
        var document = ConfigurationExporter.Export(null, Array.Empty<Guid>(), snapshot, websites, Org);
        var syntax = new YamlConfigurationSyntax();
        return ConfigurationReader.Read(syntax.ReadText(syntax.Write(document, BadgeConfigurationSchema.Reference), "f.yaml"), "f.yaml");
    }

    private static ConfigurationPlan Plan(BadgeConfiguration file, SnagSnapshot snapshot, bool prune = false)
    {
        var plan = new ConfigurationPlan();
        SnagDiffer.Plan(file.Snag!, snapshot, Org, prune, plan);
        return plan;
    }

    [Fact]
    public void A_fresh_export_compares_clean_whatever_the_server_left_null_or_empty()
    {
        var snapshot = Snapshot(
            Server("No description", description: null),
            Server("Empty description", description: ""),
            Server("Rewarded", rewards: new[] { new LoyaltyReward { Id = Guid.NewGuid(), RewardType = "points", Amount = 5, IsRetroactive = false, LoyaltyCurrencyIds = Array.Empty<Guid>() } }),
            Server("Hidden", hide: true));

        var plan = Plan(Exported(snapshot, Main.Id), snapshot, prune: true);

        Assert.Empty(plan.Changes);
        Assert.Empty(plan.Issues);
    }

    [Fact]
    public void Properties_the_file_leaves_out_are_not_managed_and_lists_compare_in_any_order()
    {
        var badge = Server("Gold", description: "server text", hide: true, rewards: new[] { new LoyaltyReward { RewardType = "points", Amount = 1 }, new LoyaltyReward { RewardType = "badge" } });
        var file = File($"snag:\n  websites:\n    - name: Main Website\n      badges:\n        - name: Gold\n          imageUrl: {badge.ImageUrl}\n          conditions: [{{type: api, description: api condition}}]\n"
            + "          rewards: [{rewardType: badge}, {rewardType: points, amount: 1, isRetroactive: false}]\n");

        Assert.Empty(Plan(file, Snapshot(badge)).Changes);
    }

    [Fact]
    public void A_renamed_badge_with_its_id_is_an_update_of_the_name_only()
    {
        var badge = Server("Gold");
        var file = Exported(Snapshot(badge), Main.Id);
        var renamed = File($"snag:\n  websites:\n    - name: Main Website\n      badges:\n        - id: {badge.Id}\n          name: Platinum\n          imageUrl: {badge.ImageUrl}\n          conditions: [{{type: api, description: api condition}}]\n");

        var change = Assert.Single(Plan(renamed, Snapshot(badge)).Changes).Change;

        Assert.Empty(Plan(file, Snapshot(badge)).Changes);
        Assert.Equal((ChangeActions.Update, badge.Id, "Main Website / Platinum"), (change.Action, change.Id, change.Target));
        Assert.Equal("name: 'Gold' → 'Platinum'", Assert.Single(change.Changes).ToString());
    }

    [Fact]
    public void Other_conditions_are_a_replace_that_counts_the_holders_who_stay_behind()
    {
        var badge = Server("Gold", type: "api", holders: 3);
        var file = File($"snag:\n  websites:\n    - name: Main Website\n      badges:\n        - name: Gold\n          imageUrl: {badge.ImageUrl}\n          conditions: [{{type: level}}]\n");

        var planned = Assert.Single(Plan(file, Snapshot(badge)).Changes);

        Assert.Equal((ChangeActions.Replace, "-/+", 3), (planned.Change.Action, planned.Change.Symbol, planned.Change.Holders));
        Assert.Equal(new[] { "POST /api/loyalty/badges", $"DELETE /api/loyalty/badges/{badge.Id}" }, planned.Change.Requests); // the create first: if it fails, nothing has changed
        Assert.Equal(("POST", "/api/loyalty/badges"), (planned.Change.Method, planned.Change.Path));
        Assert.Contains("3 holder(s) do not move", planned.Change.Note, StringComparison.Ordinal);
        Assert.Equal(PlanPhase.Create, planned.Phase);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_replace_left_half_done_is_finished_by_deleting_the_old_badge_only(bool prune)
    {
        var old = Server("Gold", type: "api", holders: 2);
        var made = Server("Gold", type: "level", description: "new text");
        var file = File($"snag:\n  websites:\n    - name: Main Website\n      badges:\n        - id: {old.Id}\n          name: Gold\n          description: new text\n"
            + $"          imageUrl: {old.ImageUrl}\n          conditions: [{{type: level, description: level condition}}]\n");

        var plan = Plan(file, Snapshot(old, made), prune);

        var delete = Assert.Single(plan.Changes);
        Assert.Equal((ChangeActions.Delete, old.Id, made.Id, PlanPhase.Delete), (delete.Change.Action, delete.Change.Id, delete.Change.ReplacedBy, delete.Phase));
        Assert.Equal(new[] { $"DELETE /api/loyalty/badges/{old.Id}" }, delete.Change.Requests);
        Assert.Contains("Finishes a replace", delete.Change.Note, StringComparison.Ordinal);
        Assert.Contains("2 holder(s) stay", delete.Change.Note, StringComparison.Ordinal);
        Assert.Equal(0, plan.LeftAlone); // the new badge is the file's, not an extra one
        Assert.Empty(plan.Issues);
    }

    [Fact]
    public void A_replacement_found_half_done_is_also_updated_where_the_file_changed_since()
    {
        var old = Server("Gold", type: "api");
        var made = Server("Gold", type: "level");
        var file = File($"snag:\n  websites:\n    - name: Main Website\n      badges:\n        - id: {old.Id}\n          name: Gold\n          hideInUi: true\n"
            + $"          imageUrl: {old.ImageUrl}\n          conditions: [{{type: level, description: level condition}}]\n");

        var changes = Plan(file, Snapshot(old, made)).Changes.Select(c => (c.Change.Action, c.Change.Id)).ToList();

        Assert.Equal(new[] { (ChangeActions.Delete, (Guid?)old.Id), (ChangeActions.Update, made.Id) }, changes);
    }

    [Fact]
    public void A_badge_named_by_name_only_found_twice_after_a_half_done_replace_is_ambiguous()
    {
        var old = Server("Gold", type: "api");
        var made = Server("Gold", type: "level");
        var file = File($"snag:\n  websites:\n    - name: Main Website\n      badges:\n        - name: Gold\n          imageUrl: {old.ImageUrl}\n          conditions: [{{type: level, description: level condition}}]\n");

        var plan = Plan(file, Snapshot(old, made), prune: true);

        Assert.Empty(plan.Changes);
        Assert.Equal(PlanIssueKind.NameAmbiguous, Assert.Single(plan.Issues).Kind);
    }

    [Fact]
    public void Without_an_id_a_name_matching_two_badges_is_ambiguous_and_those_badges_are_never_pruned()
    {
        var one = Server("Twin");
        var two = Server("twin");
        var file = File("snag:\n  websites:\n    - name: Main Website\n      badges:\n        - name: TWIN\n          imageUrl: https://x.example/t.png\n          conditions: [{type: api}]\n");

        var plan = Plan(file, Snapshot(one, two), prune: true);

        var issue = Assert.Single(plan.Issues);
        Assert.Equal(PlanIssueKind.NameAmbiguous, issue.Kind);
        Assert.Contains(one.Id.ToString(), issue.Message, StringComparison.Ordinal);
        Assert.Contains(two.Id.ToString(), issue.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void The_exact_spelling_wins_over_another_casing()
    {
        var exact = Server("Gold");
        var other = Server("GOLD");
        var file = File("snag:\n  websites:\n    - name: Main Website\n      badges:\n        - name: Gold\n          imageUrl: https://x.example/Gold.png\n          conditions: [{type: api, description: api condition}]\n");

        var plan = Plan(file, Snapshot(exact, other), prune: true);

        var delete = Assert.Single(plan.Changes).Change;
        Assert.Equal((ChangeActions.Delete, other.Id), (delete.Action, delete.Id));
    }

    [Fact]
    public void Prune_deletes_only_inside_the_websites_the_file_names_and_otherwise_counts_what_it_leaves()
    {
        var kept = Server("Kept");
        var extra = Server("Extra", holders: 2);
        var file = File($"snag:\n  websites:\n    - name: Main Website\n      badges:\n        - name: Kept\n          imageUrl: {kept.ImageUrl}\n          conditions: [{{type: api, description: api condition}}]\n");

        var plain = Plan(file, Snapshot(kept, extra));
        var pruned = Plan(file, Snapshot(kept, extra), prune: true);

        Assert.Empty(plain.Changes);
        Assert.Equal(1, plain.LeftAlone);
        Assert.Equal("0 to create, 0 to update, 0 to delete; 1 not in the file, left alone", plain.Summary());
        var delete = Assert.Single(pruned.Changes).Change;
        Assert.Equal((ChangeActions.Delete, extra.Id, 2), (delete.Action, delete.Id, delete.Holders));
        Assert.Equal("0 to create, 0 to update, 1 to delete", pruned.Summary());
    }

    [Fact]
    public void A_badge_to_create_without_any_organization_id_is_an_issue_not_a_change()
    {
        var file = File("snag:\n  websites:\n    - name: Main Website\n      badges:\n        - name: New\n          imageUrl: https://x.example/n.png\n          conditions: [{type: api}]\n");
        var plan = new ConfigurationPlan();

        SnagDiffer.Plan(file.Snag!, Snapshot(), null, false, plan);

        Assert.Equal(PlanIssueKind.OrganizationMissing, Assert.Single(plan.Issues).Kind);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void Entry_badges_detach_before_deletes_and_attach_a_new_directory_badge_after_creating_it()
    {
        var directory = new PartnerDirectory { Id = Guid.NewGuid(), Name = "Partners" };
        var gold = new PartnerDirectoryBadge { Id = Guid.NewGuid(), Name = "Gold", Image = "https://x.example/g.png" };
        var old = new PartnerDirectoryBadge { Id = Guid.NewGuid(), Name = "Old", Image = "https://x.example/o.png" };
        var entry = new PartnerEntry { Id = Guid.NewGuid(), Name = "Acme" };
        var snapshot = new PartnerPageSnapshot
        {
            Directories = new[] { directory },
            Entries = new[] { entry },
            DirectoryBadges = new Dictionary<Guid, IReadOnlyList<PartnerDirectoryBadge>> { [directory.Id] = new[] { gold, old } },
            EntryBadges = new Dictionary<Guid, IReadOnlyList<PartnerBadge>>
            {
                [entry.Id] = new[] { new PartnerBadge { Id = old.Id, Name = "Old", Order = 0 }, new PartnerBadge { Id = gold.Id, Name = "Gold", Order = 1 } },
            },
        };
        var file = File("partnerPage:\n  directories:\n    - name: Partners\n      badges:\n        - {name: Gold, image: 'https://x.example/g.png'}\n        - {name: New, image: 'https://x.example/n.png'}\n"
            + "      entries:\n        - name: Acme\n          badges:\n            - {badge: New, order: 0}\n            - {badge: Gold, order: 1}\n");
        var plan = new ConfigurationPlan();

        PartnerPageDiffer.Plan(file.PartnerPage!, snapshot, prune: true, plan);

        var byAction = plan.Changes.ToDictionary(c => c.Change.Kind + " " + c.Change.Action);
        Assert.Equal(new[] { "DirectoryBadge Create", "DirectoryBadge Delete", "EntryBadge Attach", "EntryBadge Detach" }, byAction.Keys.Order());
        Assert.Same(byAction["DirectoryBadge Create"], byAction["EntryBadge Attach"].DependsOn);
        Assert.True(byAction["EntryBadge Detach"].Phase < byAction["DirectoryBadge Delete"].Phase);
        Assert.True(byAction["DirectoryBadge Create"].Phase < byAction["EntryBadge Attach"].Phase);
        Assert.Equal("Acme / Old", byAction["EntryBadge Detach"].Change.Target);
    }
}
