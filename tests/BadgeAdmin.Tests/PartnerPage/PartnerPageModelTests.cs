using System.Text.Json;
using BadgeAdmin.Core.Json;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Tests.PartnerPage;

/// <summary>The PartnerPage models against the documented example bodies (api-reference §2.1a) and tolerated drift.</summary>
public sealed class PartnerPageModelTests
{
    [Fact]
    public void The_documented_PATCH_response_reads_into_a_badge()
    {
        const string documented = """
            {"href": "/api/directory/private/v1alpha/partners/3fa85f64-5717-4562-b3fc-2c963f66afa6/badges/497f6eca-6276-4993-bfeb-53cbbbba6f08/",
             "name": "New Partner Entry Badge", "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
             "image": "https://image.domain.com/badge.png", "order": 1}
            """;

        var badge = JsonSerializer.Deserialize(documented, PartnerPageJsonContext.Default.PartnerBadge)!;

        Assert.Equal(Guid.Parse("497f6eca-6276-4993-bfeb-53cbbbba6f08"), badge.Id);
        Assert.Equal("New Partner Entry Badge", badge.Name);
        Assert.Equal("https://image.domain.com/badge.png", badge.Image);
        Assert.Equal(1, badge.Order);
        Assert.StartsWith("/api/directory/private/v1alpha/partners/", badge.Href);
    }

    [Fact]
    public void The_documented_PATCH_body_is_what_a_change_serialises_to()
    {
        var change = new PartnerBadgeChange { Order = 0, Id = Guid.Parse("497f6eca-6276-4993-bfeb-53cbbbba6f08") };

        var json = JsonSerializer.Serialize(change, PartnerPageJsonContext.Default.PartnerBadgeChange);

        Assert.Equal("{\"id\":\"497f6eca-6276-4993-bfeb-53cbbbba6f08\",\"order\":0}", json);
    }

    [Fact]
    public void Unset_fields_of_a_change_are_not_sent()
    {
        Assert.Equal("{\"order\":3}", JsonSerializer.Serialize(new PartnerBadgeChange { Order = 3 }, PartnerPageJsonContext.Default.PartnerBadgeChange));
    }

    [Fact]
    public void Unknown_fields_other_casing_and_quoted_numbers_are_tolerated()
    {
        const string drifted = """{"ID":"497f6eca-6276-4993-bfeb-53cbbbba6f08","Name":"X","order":"2","newField":{"a":1},"image":null}""";

        var badge = JsonSerializer.Deserialize(drifted, PartnerPageJsonContext.Default.PartnerBadge)!;

        Assert.Equal((Guid.Parse("497f6eca-6276-4993-bfeb-53cbbbba6f08"), "X", 2, null), (badge.Id, badge.Name, badge.Order, badge.Image));
    }

    [Fact]
    public void An_entry_keeps_unmodelled_fields()
    {
        var entry = JsonSerializer.Deserialize("""{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","name":"Acme","tier":"Gold","badgeCount":3}""",
            PartnerPageJsonContext.Default.PartnerEntry)!;

        Assert.Equal("Acme", entry.Name);
        Assert.Equal("Gold", entry.AdditionalFields!["tier"]);
        Assert.Equal(3L, entry.AdditionalFields["badgeCount"]);
        Assert.Equal("Acme (3fa85f64-5717-4562-b3fc-2c963f66afa6)", entry.ToString());
    }

    [Fact]
    public void Unmodelled_fields_are_plain_values_and_their_text_is_the_json_sent()
    {
        const string extra = """{"Tier":"Gold","score":2.5,"flags":[true,null],"contact":{"email":"a@example.com"}}""";
        var entry = JsonSerializer.Deserialize("""{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6",""" + extra[1..],
            PartnerPageJsonContext.Default.PartnerEntry)!;

        var fields = entry.AdditionalFields!;
        Assert.Equal("Gold", fields["tier"]);
        Assert.Equal(2.5m, fields["score"]);
        Assert.Equal(new object?[] { true, null }, (object?[])fields["flags"]!);
        Assert.Equal("a@example.com", ((AdditionalFields)fields["contact"]!)["email"]);
        Assert.Equal(extra, fields.ToString());
        Assert.Null(JsonSerializer.Deserialize("""{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6"}""",
            PartnerPageJsonContext.Default.PartnerEntry)!.AdditionalFields);
    }

    [Fact]
    public void The_list_envelope_reads_with_its_next_link()
    {
        var page = JsonSerializer.Deserialize("""{"count":7,"next":"https://h/x/?offset=5","previous":null,"results":[{"id":"3fa85f64-5717-4562-b3fc-2c963f66afa6"}]}""",
            PartnerPageJsonContext.Default.PartnerPageListPagePartnerEntry)!;

        Assert.Equal((7, "https://h/x/?offset=5"), (page.Count!.Value, page.Next));
        Assert.Single(page.Results!);
    }
}
