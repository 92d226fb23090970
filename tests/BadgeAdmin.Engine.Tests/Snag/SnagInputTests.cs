using System.Text.Json.Nodes;
using BadgeAdmin.Engine.Tests.Support;
using static BadgeAdmin.Engine.Tests.Support.SnagSandbox;

namespace BadgeAdmin.Engine.Tests.Snag;

/// <summary>
/// What users type differently from the API's spelling: statuses and types in any casing are sent as the API spells
/// them; conditions without a type and misspelt hashtable keys are refused before any request, naming what is wrong;
/// ids that name nothing are reported as not found, not answered with an empty list.
/// </summary>
public sealed class SnagInputTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private const string Create = "New-LoyaltyBadge -Name 'Input' -ImageUrl https://cdn.example/i.png -Confirm:$false ";

    private IReadOnlyList<BadgeAdmin.Sandbox.Control.LoggedRequest> Calls => Sandbox.Requests.ApiCalls();

    [Fact]
    public void Types_in_any_casing_are_sent_as_the_api_spells_them()
    {
        Session.Run(Create + "-Condition @{ type = 'Points'; amount = 5 } -Reward @{ rewardType = 'MULTIPLIER'; multiplier = 2 }").ThrowIfErrors();

        var body = JsonNode.Parse(Assert.Single(Calls, r => r.Method == "POST").Body!)!;
        Assert.Equal("points", (string?)body["conditions"]![0]!["type"]);
        Assert.Equal("multiplier", (string?)body["rewards"]![0]!["rewardType"]);
    }

    [Theory]
    [InlineData("@{ amount = 5 }")]
    [InlineData("@{}")]
    public void A_condition_without_a_type_is_refused_before_any_request(string condition)
    {
        var result = Session.Run(Create + "-Condition " + condition);

        Assert.Equal("InvalidLoyaltyBadge", Assert.Single(result.ErrorIds));
        Assert.Contains("Condition[0].Type: required", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Calls);
    }

    [Fact]
    public void A_misspelt_key_is_refused_in_binding_naming_it_and_the_valid_keys()
    {
        var result = Session.Run(Create + "-Condition @{ type = 'points'; amuont = 5 }");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ParameterArgumentTransformationError", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("-Condition[0]: 'amuont' is not a Condition key; use type, amount, repeatCount,", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Calls);
    }

    [Fact]
    public void Statuses_in_any_casing_are_sent_lowercase()
    {
        var badge = SeedBadge(21);
        Session.Run("Grant-LoyaltyBadge -BadgeId $Badge -WalletAddress 0x00000000000000000000000000000000000000b7 -Status Active -Confirm:$false",
            ("Badge", badge)).ThrowIfErrors();
        Session.Run("Get-LoyaltyBadgeUser -BadgeId $Badge -Status ACTIVE", ("Badge", badge)).ThrowIfErrors();

        Assert.Contains("\"status\":\"active\"", Assert.Single(Calls, r => r.Method == "POST").Body, StringComparison.Ordinal);
        Assert.Equal("active", Assert.Single(Calls, r => r.Method == "GET").QueryValue("status"));
    }

    [Theory]
    [InlineData("Grant-LoyaltyBadge")]
    [InlineData("Revoke-LoyaltyBadge -Confirm:$false")]
    public void A_csv_UserId_that_is_not_a_guid_is_an_error_for_its_row_naming_the_value_and_other_rows_still_run(string command)
    {
        var badge = HeldBadge;
        var typo = "771ebf7b-2a6a-4360-9b87-0709dfa8c64"; // 35 characters: one lost in a copy
        var wallet = "0x00000000000000000000000000000000000000c3";
        var csv = $"UserId,WalletAddress\n{typo},0x00000000000000000000000000000000000000c2\n,{wallet}";

        var result = Session.Run($"$Csv | ConvertFrom-Csv | {command} -BadgeId $Badge", ("Csv", csv), ("Badge", badge));

        // (Revoking from the good row's wallet, which holds nothing, is the server's 404: another error, for that row.)
        var error = Assert.Single(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("InvalidUserId,", StringComparison.Ordinal));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(typo, error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(typo, error.TargetObject);
        // The bad row sent nothing, not even to its wallet; the good row went out.
        var sent = Assert.Single(Calls, r => r.Method == "POST");
        Assert.Contains(wallet, sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("00c2", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_badge_id_is_LoyaltyBadgeNotFound_not_an_empty_list_of_holders()
    {
        var unknown = Guid.NewGuid();

        var result = Session.Run("Get-LoyaltyBadgeUser -BadgeId $Unknown", ("Unknown", unknown));
        var held = Session.Run("Get-LoyaltyBadgeUser -BadgeId $Held -Status revoked -First 1", ("Held", HeldBadge)).ThrowIfErrors();

        var error = Assert.Single(result.Errors);
        Assert.Equal(("LoyaltyBadgeNotFound", ErrorCategory.ObjectNotFound), (error.FullyQualifiedErrorId.Split(',')[0], error.CategoryInfo.Category));
        Assert.Equal(unknown, error.TargetObject);
        Assert.Empty(result.Output);
        Assert.Single(held.Output); // a badge with holders asks nothing more
    }

    [Fact]
    public void An_unknown_website_id_is_LoyaltyWebsiteNotFound_and_a_known_empty_one_is_not()
    {
        var unknown = Guid.NewGuid();

        var result = Session.Run("Get-LoyaltyBadge -WebsiteId $Unknown", ("Unknown", unknown));
        var beta = Session.Run("Get-LoyaltyBadge -WebsiteId $Beta -Name 'No such badge*'", ("Beta", Sandbox.Server.State.Snag.BetaWebsite.Id));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("LoyaltyWebsiteNotFound", ErrorCategory.ObjectNotFound), (error.FullyQualifiedErrorId.Split(',')[0], error.CategoryInfo.Category));
        Assert.Equal(unknown, error.TargetObject);
        Assert.Empty(beta.Errors);
        Assert.Empty(beta.Output);
    }

    [Fact]
    public void Holders_is_a_real_property_that_sorts_and_exports()
    {
        var result = Session.Run("""
            $badges = Get-LoyaltyBadge -First 5
            $badges | ForEach-Object { $_.Holders -eq @($_.UserBadges | Where-Object Status -eq 'active').Count }
            ($badges | Sort-Object Holders -Descending | Select-Object -First 1).Holders -eq ($badges.Holders | Measure-Object -Maximum).Maximum
            ($badges[0] | ConvertTo-Json -Depth 1 | ConvertFrom-Json).Holders -eq $badges[0].Holders
            """).ThrowIfErrors();

        Assert.Equal(7, result.Output.Count);
        Assert.All(result.Output, o => Assert.True((bool)o.BaseObject));
    }

    [Fact]
    public void A_user_badges_embedded_user_reads_as_its_wallet()
    {
        var result = Session.Run("Get-LoyaltyBadge -First 1 | ForEach-Object { $_.UserBadges | Select-Object -First 1 } | ForEach-Object { \"$($_.User)\"; $_.User.WalletAddress }").ThrowIfErrors();

        Assert.Equal(2, result.Output.Count);
        Assert.False(string.IsNullOrEmpty((string?)result.Output[1]?.BaseObject));
        Assert.Equal(result.Output[1].BaseObject, result.Output[0].BaseObject);
    }
}
