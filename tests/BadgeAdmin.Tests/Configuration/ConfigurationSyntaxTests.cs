using BadgeAdmin.Tests.Support;
using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Yaml;

namespace BadgeAdmin.Tests.Configuration;

/// <summary>JSON and YAML read into nodes that keep their lines, and written deterministically so they read back the same.</summary>
public sealed class ConfigurationSyntaxTests
{
    public static TheoryData<string> Formats => new() { "JSON", "YAML" };

    private static IConfigurationSyntax Syntax(string format) => format == "JSON" ? new JsonConfigurationSyntax() : new YamlConfigurationSyntax();

    [Theory]
    [MemberData(nameof(Formats))]
    public void Awkward_strings_numbers_and_booleans_read_back_exactly_as_written(string format)
    {
        var strings = new[]
        {
            "", " leading space", "trailing space ", "true", "yes", "No", "null", "~", "123", "1.5e3", "0x1F", "-", "- item", "key: value", "# not a comment",
            "a #b", "'quoted'", "\"double\"", "line one\nline two", "tab\there", "ends with newline\n", "Ünïcödé ✓", "@at", "`tick", "{flow}", "[list]", "*star", "&amp", "!bang", "%pct",
        };
        var document = new ConfigObject();
        var list = new ConfigArray();
        foreach (var text in strings) list.Add(ConfigScalar.Of(text));
        document.Add("strings", list).Add("number", ConfigScalar.Of(12.5)).Add("whole", ConfigScalar.Of(7)).Add("flag", ConfigScalar.Of(true)).Add("nothing", ConfigScalar.Null());

        var syntax = Syntax(format);
        var text1 = syntax.Write(document, "https://example.com/schema.json");
        var read = Assert.IsType<ConfigObject>(syntax.ReadTree(text1, "x"));

        var readStrings = Assert.IsType<ConfigArray>(read.Find("strings")!.Value).Items.Cast<ConfigScalar>().ToList();
        Assert.All(readStrings, s => Assert.Equal(ConfigScalarKind.String, s.Kind));
        Assert.Equal(strings, readStrings.Select(s => s.Text));
        Assert.Equal(12.5, ((ConfigScalar)read.Find("number")!.Value).Number);
        Assert.Equal(7, ((ConfigScalar)read.Find("whole")!.Value).Number);
        Assert.Equal(ConfigScalarKind.Boolean, ((ConfigScalar)read.Find("flag")!.Value).Kind);
        Assert.Equal(ConfigScalarKind.Null, ((ConfigScalar)read.Find("nothing")!.Value).Kind);
        Assert.Equal(text1, syntax.Write(read, "https://example.com/schema.json")); // stable: writing what was read gives the same text
        Assert.DoesNotContain('\r', text1);
        Assert.EndsWith("\n", text1, StringComparison.Ordinal);
        Assert.False(text1.EndsWith("\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_is_indented_by_two_spaces_and_keeps_non_ASCII_text_readable()
    {
        var document = new ConfigObject().Add("a", new ConfigObject().Add("b", ConfigScalar.Of("Zürich")));

        Assert.Equal("{\n  \"a\": {\n    \"b\": \"Zürich\"\n  }\n}\n", new JsonConfigurationSyntax().Write(document, "s"));
    }

    [Fact]
    public void Yaml_names_the_schema_for_editors_and_indents_lists_under_their_key()
    {
        var document = new ConfigObject().Add("$schema", ConfigScalar.Of("https://example.com/s.json"))
            .Add("items", new ConfigArray().Add(new ConfigObject().Add("name", ConfigScalar.Of("Gold")).Add("tags", new ConfigArray())));

        Assert.Equal("# yaml-language-server: $schema=https://example.com/s.json\n$schema: https://example.com/s.json\nitems:\n  - name: Gold\n    tags: []\n",
            new YamlConfigurationSyntax().Write(document, "https://example.com/s.json"));
    }

    [Theory]
    [InlineData("JSON", "{\n  \"a\": {\n    \"b\": [\n      1,\n      \"x\"\n    ]\n  }\n}", 3, 5)]
    [InlineData("YAML", "# comment\na:\n  b:\n    - 1\n    - x\n", 3, 5)]
    public void Tokens_know_the_line_they_start_on(string format, string text, int bLine, int xLine)
    {
        var tokens = Syntax(format).ReadAll(text, "f");

        Assert.Equal(bLine, tokens.Single(t => t.Token == ConfigToken.PropertyName && t.Text == "b").Line);
        Assert.Equal(xLine, tokens.Single(t => t.Token == ConfigToken.Scalar && t.Text == "x").Line);
    }

    [Theory]
    [InlineData("JSON", "{\n  \"a\": [1,\n}", "f.json, line 3: not valid JSON: '}' is an invalid start of a value.")]
    [InlineData("JSON", "{\n  \"a\": [1,\n    2,\n  ]\n}", "f.json, line 3: not valid JSON: a comma after the last item of a list or object (JSON allows none): remove it.")]
    [InlineData("JSON", "{\n  \"a\": 1,\n  \"b\": 2,\n\n}", "f.json, line 3: not valid JSON: a comma after the last item")]
    [InlineData("YAML", "a: [1\nb: 2\n", "f.json, line ")]
    [InlineData("JSON", "", "f.json: the file is empty.")]
    [InlineData("YAML", "", "f.json: the file is empty.")]
    [InlineData("YAML", "a: 1\n---\nb: 2\n", "f.json, line 2: more than one YAML document in the file.")]
    public void Syntax_errors_name_the_file_and_line(string format, string text, string message)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => Syntax(format).ReadAll(text, "f.json"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_plain_scalars_resolve_by_the_core_schema_and_quoted_ones_stay_strings()
    {
        var root = (ConfigObject)new YamlConfigurationSyntax().ReadTree("a: true\nb: 'true'\nc: 12\nd: \"12\"\ne:\nf: yes\ng: !!str 5\n", "f");
        ConfigScalarKind Kind(string name) => ((ConfigScalar)root.Find(name)!.Value).Kind;

        Assert.Equal(
            new[] { ConfigScalarKind.Boolean, ConfigScalarKind.String, ConfigScalarKind.Number, ConfigScalarKind.String, ConfigScalarKind.Null, ConfigScalarKind.String, ConfigScalarKind.String },
            new[] { "a", "b", "c", "d", "e", "f", "g" }.Select(Kind));
    }

    [Fact]
    public void Yaml_anchors_and_aliases_reuse_a_value()
    {
        var root = (ConfigObject)new YamlConfigurationSyntax().ReadTree("base: &img https://x.example/a.png\nother: *img\n", "f");

        Assert.Equal("https://x.example/a.png", ((ConfigScalar)root.Find("other")!.Value).Text);
    }
}
