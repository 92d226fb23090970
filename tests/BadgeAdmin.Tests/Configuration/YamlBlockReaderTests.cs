using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Yaml;
using YamlDotNet.Core;

namespace BadgeAdmin.Tests.Configuration;

/// <summary>
/// The fast block-style YAML reader against YamlDotNet on the same text: what it reads gives YamlDotNet's tokens
/// exactly (kind, text, line); what it does not read it leaves to YamlDotNet (null), never reads differently.
/// </summary>
public sealed class YamlBlockReaderTests
{
    private const string Export = """
        # yaml-language-server: $schema=./BadgeConfiguration.schema.json
        $schema: ./BadgeConfiguration.schema.json
        snag:
          organizationId: ecd3d331-52dd-4e3b-9377-ed8fcde9fce1
          websites:
            - id: 17dc74e8-3678-4841-bd47-73d4035b21d9
              name: Main Website
              badges:
                - id: 0adb0374-1744-401a-b8b0-15cbe0503173
                  name: Bronze Badge 0002
                  description: 'Awarded for: bronze (#2).'
                  imageUrl: https://images.sandbox.invalid/snag/2.png
                  hideInUi: false
                  conditions:
                    - type: points
                      amount: 300
                      loyaltyCurrencyIds:
                        - d88c9d80-f25c-4db9-9a6e-d3da892cf41e
                  rewards: []
                - id: 0818da2a-76f0-4213-92a5-3682274f3953
                  name: "Gold \"VIP\" \u00e9\t\\"
                  description: ''
                  imageUrl: https://images.sandbox.invalid/snag/12.png
                  conditions:
                    - type: section
                      description:
                  rewards:
                    - rewardType: points
                      amount: 50.5
                      isRetroactive: true
        """;

    /// <summary>Texts the fast reader reads: each must give YamlDotNet's tokens.</summary>
    public static TheoryData<string> InSubset => new()
    {
        Export,
        Export.Replace("\n", "\r\n"),
        "---\na: 1\n",
        "--- # a document\na: 1\n",
        "# only a comment first\n\n   \na: x # trailing comment\nb: 'it''s' # and here\n",
        "list:\n- 1\n- two\n-\n- ~\nnext: {}\n",
        "a:\n  b:\n    c: d\n  e: f\ng: h\n",
        "\"quoted key\": 1\n'single': 2\nplain key with spaces : 3\n",
        "a: https://x.example/a:b?c=d#frag\nb: 'x: y'\nc: a#b\nd: -5\ne: -x\nf: :x\n",
        "items:\n  - name: a\n    tags: []\n  - name: b\n    tags:\n      - x\n",
        "root\n",
        "a: True\nb: NULL\nc: 0x1F\nd: .inf\ne: 1e3\nf: yes\ng: 010\n",
        "a:\tvalue\n",
        "a:\n  scalar on its own line\nb: 2\n",
        "a: \"\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\e\\0\\/\"\n",
        "a: [ ]\nb: { }\n",
    };

    /// <summary>Texts left to YamlDotNet: outside the subset, or not valid YAML.</summary>
    public static TheoryData<string> LeftToYamlDotNet => new()
    {
        "a: &x 1\nb: *x\n",
        "a:\n  - - nested\n",
        "a: !!str 5\n",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "a: [1, 2]\n",
        "a: {b: 1}\n",
        "a: one\n  two\n",
        "a: 'one\n  two'\n",
        "a: \"one\\\n  two\"\n",
        "a: 1\n---\nb: 2\n",
        "%YAML 1.2\n---\na: 1\n",
        "a: 1\n...\n",
        "\ta: 1\n",
        "a:\n\t- 1\n",
        "a: b: c\n",
        "a: 1\n b: 2\n",
        "a:\n  - 1\n b: 2\n",
        "- a\nb: 1\n",
        "? complex\n: key\n",
        "a: 'unclosed\n",
        "a: \"bad \\q escape\"\n",
        "a: \"x\" y\n",
        "null: 1\n",
        "1: one\n",
        "a: x\rb: y\n",
        "a: \u0001\n",
        "",
        "# nothing but a comment\n",
        "a:\n  - x\n  y: 1\n",
        "a: @at\n",
        "a: `tick\n",
    };

    [Theory]
    [MemberData(nameof(InSubset))]
    public void What_it_reads_gives_exactly_the_tokens_YamlDotNet_gives(string text)
    {
        var fast = YamlBlockReader.Read(text.ToCharArray(), text.Length);

        Assert.NotNull(fast);
        Assert.Equal(YamlDotNetTokens(text), Tokens(fast!));
    }

    [Theory]
    [MemberData(nameof(LeftToYamlDotNet))]
    public void What_it_does_not_read_is_left_to_YamlDotNet(string text)
    {
        Assert.Null(YamlBlockReader.Read(text.ToCharArray(), text.Length));
    }

    [Fact]
    public void A_large_export_is_read_by_the_fast_reader_with_YamlDotNets_tokens()
    {
        var badge = Export.Substring(Export.IndexOf("        - id: 0adb0374", StringComparison.Ordinal));
        var text = Export + "\n" + string.Concat(Enumerable.Range(0, 300).Select(i => badge.Replace("Bronze Badge 0002", $"Badge {i}") + "\n"));

        var fast = YamlBlockReader.Read(text.ToCharArray(), text.Length);

        Assert.NotNull(fast);
        Assert.Equal(YamlDotNetTokens(text), Tokens(fast!));
    }

    /// <summary>
    /// Thousands of small edits of the export (a character deleted or inserted, a line indented): whatever the fast
    /// reader reads, YamlDotNet reads to the same tokens, and where YamlDotNet finds an error the fast reader reads nothing.
    /// </summary>
    [Fact]
    public void Edited_files_read_as_YamlDotNet_reads_them_or_are_left_to_it()
    {
        var random = new Random(2207);
        const string inserts = " -:#'\"\n\tx[]{}&*!|>?,%\\0.~@`\r";
        var read = 0;
        for (var i = 0; i < 4000; i++)
        {
            var text = Export + "\n";
            for (var edits = random.Next(1, 3); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, 1),
                    1 => text.Insert(at, inserts[random.Next(inserts.Length)].ToString()),
                    _ => text.Insert(text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1, " "),
                };
            }

            var fast = YamlBlockReader.Read(text.ToCharArray(), text.Length);
            List<(ConfigToken, ConfigScalarKind?, string?, int)>? expected;
            try
            {
                expected = YamlDotNetTokens(text);
            }
            catch (ConfigurationFileException)
            {
                expected = null;
            }

            if (fast is null) continue;
            read++;
            Assert.True(expected is not null, $"YamlDotNet refuses what the fast reader read:\n{text}");
            Assert.Equal(expected, Tokens(fast));
        }

        Assert.True(read > 1000, $"only {read} of 4000 edited files were read by the fast reader");
    }

    [Fact]
    public void The_syntax_reads_the_subset_fast_and_the_rest_with_YamlDotNet_to_the_same_tree()
    {
        var syntax = new YamlConfigurationSyntax();

        Assert.IsType<YamlTokenList>(syntax.Read(new ArraySegment<byte>(System.Text.Encoding.UTF8.GetBytes("a: 1\n")), "f"));
        Assert.IsType<YamlConfigurationTokens>(syntax.Read(new ArraySegment<byte>(System.Text.Encoding.UTF8.GetBytes("a: &x 1\nb: *x\n")), "f"));
    }

    private static List<(ConfigToken, ConfigScalarKind?, string?, int)> YamlDotNetTokens(string text) =>
        Tokens(new YamlConfigurationTokens(new Parser(new Scanner(new StringReader(text), skipComments: true)), "f"));

    private static List<(ConfigToken, ConfigScalarKind?, string?, int)> Tokens(IConfigurationTokens tokens)
    {
        var list = new List<(ConfigToken, ConfigScalarKind?, string?, int)>();
        while (tokens.Read())
        {
            var scalar = tokens.Token is ConfigToken.Scalar;
            var text = tokens.Token is ConfigToken.Scalar or ConfigToken.PropertyName ? tokens.GetString() : null;
            list.Add((tokens.Token, scalar ? tokens.ScalarKind : null, text, tokens.LineOf(tokens.Position)));
        }

        return list;
    }
}
