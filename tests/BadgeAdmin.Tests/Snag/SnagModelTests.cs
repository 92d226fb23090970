using System.Text.Json;
using BadgeAdmin.Core.Json;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Tests.Snag;

/// <summary>The Snag models against the documented example bodies (shared/snag-openapi-badges.yaml) and the documented drift.</summary>
public sealed class SnagModelTests
{
    private static readonly SnagJsonContext Json = SnagJsonContext.Default;

    [Fact]
    public void The_documented_update_response_reads_into_a_badge()
    {
        const string documented = """
            {"id": "123e4567-e89b-12d3-a456-426614174333", "name": "Example Badge", "description": "Example description",
             "imageUrl": "https://example.com/image.png", "loyaltyConditions": [], "createdAt": "2021-01-01T00:00:00.000Z",
             "updatedAt": "2021-01-01T00:00:00.000Z", "hideInUi": false, "rewards": [{"rewardType": "points"}],
             "loyaltyBadgeUsers": [{"hideInUi": false}], "dataJobs": []}
            """;

        var badge = JsonSerializer.Deserialize(documented, Json.LoyaltyBadge)!;

        Assert.Equal(Guid.Parse("123e4567-e89b-12d3-a456-426614174333"), badge.Id);
        Assert.Equal(("Example Badge", "Example description", "https://example.com/image.png"), (badge.Name, badge.Description, badge.ImageUrl));
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), badge.CreatedAt);
        Assert.Equal("points", Assert.Single(badge.Rewards!).RewardType);
        Assert.Single(badge.UserBadges!);
        Assert.False(badge.HideInUi);
    }

    [Fact]
    public void The_documented_badge_users_example_reads_into_a_user_badge()
    {
        const string documented = """
            {"id": "a96edeb7-c10f-4e63-9acf-85e277665587", "userId": "9b0351c3-71ab-4a45-a36a-f7b35ccd276b",
             "loyaltyBadgeId": "749b1bb0-a607-4010-888b-8321905606b9", "websiteId": "42218351-3c75-46af-8453-5ae04b9ad7bb",
             "organizationId": "548b0619-f4b3-4ef6-8dd9-77dfa9260eb2", "createdAt": "2025-09-11T13:45:40.123Z",
             "updatedAt": "2025-09-11T13:45:40.123Z", "deletedAt": null, "status": "active", "progress": [],
             "dismissedInUi": false, "user": {"walletAddress": "0x1234567890abcdef1234567890abcdef12345678"}}
            """;

        var user = JsonSerializer.Deserialize(documented, Json.LoyaltyBadgeUser)!;

        Assert.Equal(Guid.Parse("749b1bb0-a607-4010-888b-8321905606b9"), user.LoyaltyBadgeId);
        Assert.Equal(Guid.Parse("9b0351c3-71ab-4a45-a36a-f7b35ccd276b"), user.UserId);
        Assert.Equal(("active", "0x1234567890abcdef1234567890abcdef12345678"), (user.Status, user.WalletAddress));
        Assert.IsType<object?[]>(user.Progress);
        Assert.Null(user.DeletedAt);
    }

    [Fact]
    public void The_documented_website_reads_with_its_extra_fields_kept()
    {
        const string documented = """
            {"id": "123e4567-e89b-12d3-a456-426614174000", "name": "My Website", "termsSignedAt": "2023-10-01T12:00:00Z",
             "collections": [{"id": "x", "name": "c"}], "_count": {"mintingContractAssets": 3}, "onchainTokens": []}
            """;

        var site = JsonSerializer.Deserialize(documented, Json.LoyaltyWebsite)!;

        Assert.Equal("My Website", site.Name);
        Assert.Equal(3L, ((AdditionalFields)site.AdditionalFields!["_count"]!)["mintingContractAssets"]);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"TRUE\"", true)]
    public void HasNextPage_reads_as_boolean_or_string(string value, bool expected)
    {
        var page = JsonSerializer.Deserialize($"{{\"data\":[],\"hasNextPage\":{value}}}", Json.SnagPageLoyaltyBadge)!;
        Assert.Equal(expected, page.HasNextPage);
    }

    [Fact]
    public void An_unreadable_hasNextPage_is_a_json_error_not_a_guess()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"data\":[],\"hasNextPage\":\"maybe\"}", Json.SnagPageLoyaltyBadge));
    }

    [Theory]
    [InlineData("\"LoyaltyBadgeUser\":[{\"id\":\"a96edeb7-c10f-4e63-9acf-85e277665587\",\"status\":\"active\"}]")]
    [InlineData("\"LoyaltyBadgeUser\":{\"id\":\"a96edeb7-c10f-4e63-9acf-85e277665587\",\"status\":\"active\"}")]
    [InlineData("\"loyaltyBadgeUsers\":{\"id\":\"a96edeb7-c10f-4e63-9acf-85e277665587\",\"status\":\"active\"}")]
    public void User_badges_read_under_either_key_as_a_list_or_one_object(string member)
    {
        var badge = JsonSerializer.Deserialize($"{{\"id\":\"123e4567-e89b-12d3-a456-426614174333\",{member}}}", Json.LoyaltyBadge)!;

        Assert.Equal("active", Assert.Single(badge.UserBadges!).Status);
    }

    [Fact]
    public void Unknown_fields_are_kept_and_an_unknown_condition_type_still_reads()
    {
        var badge = JsonSerializer.Deserialize("""{"id":"123e4567-e89b-12d3-a456-426614174333","newField":1,"loyaltyConditions":[{"type":"quantum"}]}""", Json.LoyaltyBadge)!;

        Assert.Equal(1L, badge.AdditionalFields!["newField"]);
        Assert.Equal("quantum", badge.Conditions![0].Type);
    }

    [Fact]
    public void An_update_body_carries_only_the_fields_set()
    {
        Assert.Equal("{\"name\":\"N\",\"hideInUi\":false}", JsonSerializer.Serialize(new LoyaltyBadgeUpdate { Name = "N", HideInUi = false }, Json.LoyaltyBadgeUpdate));
        Assert.True(new LoyaltyBadgeUpdate().IsEmpty);
    }

    [Fact]
    public void A_user_identity_needs_an_id_or_a_wallet()
    {
        Assert.Throws<ArgumentException>(() => new LoyaltyUserIdentity(null, " "));
        Assert.Equal("0xab", new LoyaltyUserIdentity(null, " 0xab ").WalletAddress);
    }

    [Fact]
    public void Create_problems_name_each_field()
    {
        var problems = new LoyaltyBadgeCreate { Name = " ", ImageUrl = "ftp://x", Conditions = Array.Empty<LoyaltyCondition>() }.Problems();

        Assert.Equal(new[] { "OrganizationId", "WebsiteId", "Name", "ImageUrl", "Condition" }, problems.Select(p => p.Split(':')[0]));
    }
}
