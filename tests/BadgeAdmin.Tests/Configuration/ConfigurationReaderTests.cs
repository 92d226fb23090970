using System.Text.Json.Nodes;
using BadgeAdmin.Core.Configuration;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Tests.Support;
using BadgeAdmin.Yaml;
using Json.Schema;

namespace BadgeAdmin.Tests.Configuration;

/// <summary>
/// The file checks that run before any request, each problem naming file, line and property; and the shipped JSON
/// Schema, which must accept and refuse the same shapes as the reader, so an editor and the module agree.
/// </summary>
public sealed class ConfigurationReaderTests
{
    private const string Good = """
        $schema: https://raw.githubusercontent.com/badgeadmin/BadgeAdmin/main/module/BadgeConfiguration.schema.json
        partnerPage:
          directories:
            - id: 5fad3f1a-fca0-4cd3-9ba4-9fd6d3a50346
              name: Partners
              badges:
                - id: 7668de02-e3b4-4d4c-86bc-0150efb5cdec
                  name: Gold Partner
                  image: https://images.example.com/gold.png
                - name: Silver Partner
                  image: https://images.example.com/silver.png
              entries:
                - name: Acme Cloud
                  badges:
                    - badge: Gold Partner
                      order: 0
                    - badge: silver partner
        snag:
          organizationId: ecd3d331-52dd-4e3b-9377-ed8fcde9fce1
          websites:
            - name: Main Website
              badges:
                - name: Gold
                  description: null
                  imageUrl: https://images.example.com/g.png
                  hideInUi: false
                  conditions:
                    - type: points
                      amount: 500
                      loyaltyCurrencyIds: [d88c9d80-f25c-4db9-9a6e-d3da892cf41e]
                  rewards:
                    - rewardType: points
                      amount: 50
                      isRetroactive: true
        """;

    private static BadgeConfiguration Read(string yaml) => ConfigurationReader.Read(new YamlConfigurationSyntax().ReadText(yaml, "badges.yaml"), "badges.yaml");

    private static IReadOnlyList<string> Problems(string yaml) =>
        Assert.Throws<ConfigurationFileException>(() => Read(yaml)).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void A_good_file_reads_into_the_model_with_entries_pointing_at_their_directory_badges()
    {
        var file = Read(Good);

        var directory = Assert.Single(file.PartnerPage!.Directories);
        Assert.Equal(new Guid("7668de02-e3b4-4d4c-86bc-0150efb5cdec"), directory.Badges[0].Id);
        var entry = Assert.Single(directory.Entries);
        Assert.Same(directory.Badges[1], entry.Badges[1].Target); // any casing finds the one badge of that name
        Assert.Equal((0, (int?)null), (entry.Badges[0].Order!.Value, entry.Badges[1].Order));
        var badge = file.Snag!.Websites.Single().Badges.Single();
        Assert.True(badge.HasDescription);
        Assert.Null(badge.Description);
        Assert.Equal(500, badge.Conditions.Single().Amount);
        Assert.True(badge.Rewards!.Single().IsRetroactive);
        Assert.Equal(23, badge.Line);
    }

    [Theory]
    [InlineData("partnerPage:\n  directories:\n    - name: D\n      colour: red\n", "badges.yaml, line 4, partnerPage.directories[0].colour: unknown property 'colour' (allowed here: id, name, badges, entries)")]
    [InlineData("snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          imageUrl: https://x.example/b.png\n          conditions: []\n", "badges.yaml, line 7, snag.websites[0].badges[0].conditions: a badge needs at least one condition")]
    [InlineData("snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          conditions: [{type: api}]\n", "badges.yaml, line 5, snag.websites[0].badges[0].imageUrl: required property 'imageUrl' is missing")]
    [InlineData("snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          imageUrl: ftp://x.example/b.png\n          conditions: [{type: api}]\n", "badges.yaml, line 6, snag.websites[0].badges[0].imageUrl: 'ftp://x.example/b.png' is not an http(s) URL")]
    [InlineData("snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          imageUrl: https://x.example/b.png\n          conditions: [{type: Points}]\n", "badges.yaml, line 7, snag.websites[0].badges[0].conditions[0].type: 'Points' is not a condition type; use one of rule, rules, points, section, level, api, badge, badges, csv")]
    [InlineData("snag:\n  websites:\n    - id: 42\n      name: W\n", "badges.yaml, line 3, snag.websites[0].id: expected a GUID string, found a number")]
    [InlineData("snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          imageUrl: https://x.example/b.png\n          conditions: [{type: rule, repeatCount: 1.5}]\n", "badges.yaml, line 7, snag.websites[0].badges[0].conditions[0].repeatCount: expected a whole number, found 1.5")]
    [InlineData("partnerPage:\n  directories:\n    - name: D\n      badges:\n        - {name: A, image: 'https://x.example/a.png'}\n      entries:\n        - name: E\n          badges:\n            - {badge: A, order: -1}\n", "badges.yaml, line 9, partnerPage.directories[0].entries[0].badges[0].order: expected a whole number from 0 up, found -1")]
    [InlineData("partnerPage:\n  directories:\n    - name: D\n      badges:\n        - {name: A, image: 'https://x.example/a.png'}\n      entries:\n        - name: E\n          badges:\n            - badge: A\n            - badge: a\n", "badges.yaml, line 10, partnerPage.directories[0].entries[0].badges[1].badge: the entry lists badge 'a' twice (also on line 9)")]
    [InlineData("snag:\n  websites:\n    - name: W\n    - name: w\n", "badges.yaml, line 4, snag.websites[1].name: two websites named 'w' in one scope, on lines 3 and 4; rename one (names are unique within their scope, even with ids)")]
    [InlineData("snag:\n  websites:\n    - {id: 17dc74e8-3678-4841-bd47-73d4035b21d9, name: W}\n    - {id: 17dc74e8-3678-4841-bd47-73d4035b21d9, name: V}\n", "badges.yaml, line 4, snag.websites[1].id: website id 17dc74e8-3678-4841-bd47-73d4035b21d9 appears twice (also on line 3)")]
    [InlineData("{}\n", "badges.yaml, line 1: the file names neither 'partnerPage' nor 'snag', so there is nothing to compare")]
    [InlineData("- a\n- b\n", "badges.yaml, line 1: expected an object, found a list")]
    public void Each_problem_names_the_file_line_and_property(string yaml, string problem) => Assert.Contains(problem, Problems(yaml));

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var problems = Problems("snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          imageUrl: 5\n          hideInUi: maybe\n          conditions: [{type: nope}]\n          extra: 1\n");

        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Two_badges_of_one_name_in_one_scope_are_refused_even_when_both_carry_an_id_naming_both_lines()
    {
        var problems = Problems("snag:\n  websites:\n    - name: W\n      badges:\n"
            + "        - {id: 6ff42b88-0610-44f5-bcc4-4ca21303e71e, name: Twin, imageUrl: 'https://x.example/a.png', conditions: [{type: api}]}\n"
            + "        - {id: 67bc85f4-2276-4aa4-b068-e177759763da, name: twin, imageUrl: 'https://x.example/a.png', conditions: [{type: api}]}\n");

        Assert.Equal("badges.yaml, line 6, snag.websites[0].badges[1].name: two badges named 'twin' in one scope, on lines 5 and 6; rename one (names are unique within their scope, even with ids)", Assert.Single(problems));
    }

    [Theory]
    [InlineData("badges.yaml", "snag:\n  websites: []\nsnag:\n  websites: []\n", "badges.yaml, line 3, snag: the property 'snag' appears twice in one object")]
    [InlineData("badges.json", "{\n  \"snag\": { \"websites\": [] },\n  \"snag\": { \"websites\": [] }\n}", "badges.json, line 3, snag: the property 'snag' appears twice in one object")]
    [InlineData("badges.yaml", "snag:\n  websites:\n    - name: W\n      extra: 1\n      extra: 2\n", "badges.yaml, line 5, snag.websites[0].extra: the property 'extra' appears twice in one object")]
    public void A_property_given_twice_is_a_problem_on_the_line_of_the_second(string file, string text, string problem)
    {
        var problems = Assert.Throws<ConfigurationFileException>(() => ReadAs(file, text)).Problems.Select(p => p.ToString());

        Assert.Contains(problem, problems);
    }

    [Fact]
    public void Entries_may_come_before_the_badges_they_name()
    {
        var file = Read("partnerPage:\n  directories:\n    - name: D\n      entries:\n        - name: E\n          badges:\n            - badge: gold\n"
            + "      badges:\n        - {name: Gold, image: 'https://x.example/g.png'}\n");

        var directory = file.PartnerPage!.Directories.Single();
        Assert.Same(directory.Badges[0], directory.Entries[0].Badges[0].Target);
    }

    [Fact]
    public void Problems_are_listed_in_the_file_s_order_even_those_known_only_at_the_end_of_a_list()
    {
        var problems = Problems("snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          conditions: [{type: api}]\n"
            + "        - name: b\n          imageUrl: https://x.example/b.png\n          conditions: [{type: nope}]\n");

        Assert.Equal(new[] { 5, 7, 9 }, problems.Select(p => int.Parse(p.Split(", line ")[1].Split(',')[0])));
    }

    [Fact]
    public void An_anchored_mapping_is_read_again_where_an_alias_names_it()
    {
        var file = Read("snag:\n  websites:\n    - name: W\n      badges:\n"
            + "        - {name: A, imageUrl: 'https://x.example/a.png', conditions: [&rule {type: rule, loyaltyRuleIds: [6ff42b88-0610-44f5-bcc4-4ca21303e71e]}]}\n"
            + "        - {name: B, imageUrl: 'https://x.example/b.png', conditions: [*rule]}\n");

        var badges = file.Snag!.Websites[0].Badges;
        Assert.Equal(("rule", new Guid("6ff42b88-0610-44f5-bcc4-4ca21303e71e")), (badges[1].Conditions[0].Type, badges[1].Conditions[0].LoyaltyRuleIds!.Single()));
    }

    public static TheoryData<string> BigFiles => new() { "big.json", "big.yaml" };

    /// <summary>
    /// Lines are found from where each token starts (a byte offset in JSON), not counted as tokens go by: a problem deep
    /// in a file of thousands of badges still names its own line, and one known only at the end of the list (a repeated
    /// id) names the line of the badge that repeats it and of the first.
    /// </summary>
    [Theory]
    [MemberData(nameof(BigFiles))]
    public void A_problem_deep_in_a_big_file_names_its_own_line_and_property(string file)
    {
        var ids = Enumerable.Range(0, 2500).Select(i => new Guid(i + 1, 0, 0, new byte[8])).ToList();
        var text = BigFile(file, ids).Replace("https://x.example/1999.png", "ftp://x.example/1999.png", StringComparison.Ordinal);
        text = ReplaceLast(text, ids[2400].ToString(), ids[3].ToString()); // badge 2400 takes badge 3's id
        var lines = text.Split('\n');
        int LineOf(string part) => Array.FindIndex(lines, l => l.Contains(part, StringComparison.Ordinal)) + 1;
        int ItemLineOf(string id) => LineOf(id) - (file.EndsWith(".json", StringComparison.Ordinal) ? 1 : 0); // a JSON object starts on the line before its id

        var problems = Assert.Throws<ConfigurationFileException>(() => ReadAs(file, text)).Problems.Select(p => p.ToString()).ToList();

        Assert.Equal(new[]
        {
            $"{file}, line {LineOf("ftp://x.example/1999.png")}, snag.websites[0].badges[1999].imageUrl: 'ftp://x.example/1999.png' is not an http(s) URL",
            $"{file}, line {LineOf("Badge 2400")  - (file.EndsWith(".json", StringComparison.Ordinal) ? 2 : 1)}, snag.websites[0].badges[2400].id: badge id {ids[3]} appears twice (also on line {ItemLineOf(ids[3].ToString())})",
        }, problems);
    }

    [Fact]
    public void A_syntax_error_deep_in_a_big_JSON_file_names_its_line()
    {
        var text = BigFile("big.json", Enumerable.Range(0, 2500).Select(_ => Guid.NewGuid()).ToList());
        var at = text.IndexOf("\"Badge 2222\",", StringComparison.Ordinal);
        text = text.Remove(at + "\"Badge 2222\"".Length, 1); // the comma after the name

        var problem = Assert.Single(Assert.Throws<ConfigurationFileException>(() => ReadAs("big.json", text)).Problems);

        Assert.Equal(text.Take(at).Count(c => c == '\n') + 2, problem.Line); // the next property, on the next line, is where it breaks
        Assert.StartsWith("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    private static BadgeConfiguration ReadAs(string file, string text)
    {
        IConfigurationSyntax syntax = file.EndsWith(".json", StringComparison.Ordinal) ? new JsonConfigurationSyntax() : new YamlConfigurationSyntax();
        return ConfigurationReader.Read(syntax.ReadText(text, file), file);
    }

    /// <summary>A website of badges named "Badge {i}", as an export writes it.</summary>
    private static string BigFile(string file, IReadOnlyList<Guid> ids)
    {
        var badges = new ConfigArray();
        for (var i = 0; i < ids.Count; i++)
        {
            badges.Add(new ConfigObject().Add("id", ConfigScalar.Of(ids[i].ToString())).Add("name", ConfigScalar.Of($"Badge {i}")).Add("description", ConfigScalar.Of($"Badge number {i}"))
                .Add("imageUrl", ConfigScalar.Of($"https://x.example/{i}.png")).Add("hideInUi", ConfigScalar.Of(false))
                .Add("conditions", new ConfigArray().Add(new ConfigObject().Add("type", ConfigScalar.Of("points")).Add("amount", ConfigScalar.Of(i))
                    .Add("loyaltyCurrencyIds", new ConfigArray().Add(ConfigScalar.Of("d88c9d80-f25c-4db9-9a6e-d3da892cf41e")))))
                .Add("rewards", new ConfigArray()));
        }

        var document = new ConfigObject().Add("snag", new ConfigObject().Add("websites", new ConfigArray().Add(new ConfigObject().Add("name", ConfigScalar.Of("Main")).Add("badges", badges))));
        IConfigurationSyntax syntax = file.EndsWith(".json", StringComparison.Ordinal) ? new JsonConfigurationSyntax() : new YamlConfigurationSyntax();
        return syntax.Write(document, BadgeConfigurationSchema.Reference);
    }

    private static string ReplaceLast(string text, string old, string replacement)
    {
        var at = text.LastIndexOf(old, StringComparison.Ordinal);
        return text.Substring(0, at) + replacement + text.Substring(at + old.Length);
    }

    // The schema and the reader: one shape. Each file below is judged by both.
    public static TheoryData<string, bool> Shapes => new()
    {
        { Good, true },
        { "snag:\n  websites: []\n", true },
        { "partnerPage:\n  directories:\n    - name: D\n      colour: red\n", false },
        { "snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          imageUrl: https://x.example/b.png\n          conditions: []\n", false },
        { "snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          conditions: [{type: api}]\n", false },
        { "snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          imageUrl: https://x.example/b.png\n          hideInUi: 1\n          conditions: [{type: api}]\n", false },
        { "snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          imageUrl: https://x.example/b.png\n          conditions: [{type: Points}]\n", false },
        { "snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          imageUrl: https://x.example/b.png\n          conditions: [{type: api}]\n          rewards: [{rewardType: cash}]\n", false },
        { "snag:\n  websites:\n    - name: W\n      badges:\n        - name: B\n          imageUrl: https://x.example/b.png\n          conditions: [{amount: 5}]\n", false },
        { "snag:\n  websites:\n    - id: not-a-guid\n      name: W\n", false },
        { "partnerPage:\n  directories:\n    - name: D\n      entries:\n        - name: E\n          badges:\n            - {badge: A, order: -1}\n", false },
        { "partnerPage:\n  directories:\n    - name: ' '\n", false },
        { "{}\n", false },
        { "snag: {}\n", false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_shipped_schema_and_the_reader_accept_and_refuse_the_same_shapes(string yaml, bool valid)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "module", BadgeConfigurationSchema.FileName)));
        var node = new YamlConfigurationSyntax().ReadTree(yaml, "badges.yaml");
        var asJson = JsonNode.Parse(new JsonConfigurationSyntax().Write((ConfigObject)(node is ConfigObject o ? o : new ConfigObject()), "s"));

        var schemaSays = schema.Evaluate(asJson).IsValid;
        var readerSays = Record.Exception(() => Read(yaml)) is null;

        Assert.Equal(valid, schemaSays);
        Assert.Equal(valid, readerSays);
    }

    [Fact]
    public void The_module_ships_the_schema_exported_files_name_by_a_path_beside_them()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "module", BadgeConfigurationSchema.FileName)))!;

        Assert.Equal(BadgeConfigurationSchema.Id, (string?)schema["$id"]);
        Assert.Equal("./BadgeConfiguration.schema.json", BadgeConfigurationSchema.Reference);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "out", "BadgeAdmin", BadgeConfigurationSchema.FileName)), "the module ships it");
    }
}
