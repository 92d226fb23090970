using System.Text;
using System.Text.Json;
using BadgeAdmin.Core.Configuration.Syntax;

namespace BadgeAdmin.Tests.Configuration;

/// <summary>
/// Strict JSON is lexed (<see cref="JsonScanner"/> checks it first), other JSON read by System.Text.Json's reader: on the
/// same bytes, the lexed tokens are the reader's exactly (kind, start, text); what is not strict (comments, anything
/// invalid) is left to the reader.
/// </summary>
public sealed class JsonScannerTests
{
    private const string Export = """
        {
          "$schema": "./BadgeConfiguration.schema.json",
          "snag": {
            "organizationId": "ecd3d331-52dd-4e3b-9377-ed8fcde9fce1",
            "websites": [
              {
                "id": "17dc74e8-3678-4841-bd47-73d4035b21d9",
                "name": "Main Website",
                "badges": [
                  {
                    "id": "0adb0374-1744-401a-b8b0-15cbe0503173",
                    "name": "Gold \"VIP\" \u00e9\t\\ \/ \ud83d\ude00 Zürich",
                    "description": "",
                    "imageUrl": "https://images.sandbox.invalid/snag/2.png",
                    "hideInUi": false,
                    "conditions": [ { "type": "points", "amount": -300.5e+2, "loyaltyCurrencyIds": [] } ],
                    "rewards": [ { "rewardType": "points", "amount": 0, "isRetroactive": true, "multiplier": null } ]
                  }
                ]
              }
            ]
          },
          "partnerPage": {}
        }
        """;

    public static TheoryData<string> Read => new() { Export, Export.Replace("\n", "\r\n"), "[]", "{}", "\"text\"", "12", " [ 1 , [ 2 , { } ] ] " };

    public static TheoryData<string> LeftToTheReader => new()
    {
        "{ // a comment\n \"a\": 1 }", "{ \"a\": 1, }", "[1,]", "{ \"a\" 1 }", "[01]", "[1.]", "[.5]", "[+1]", "[tru]", "[nul]", "{ 'a': 1 }", "[\"a\tb\"]",
        "[\"\\x\"]", "[\"\\ud83d\"]", "[\"\\u12G4\"]", "[1] [2]", "", "   ", "[", "{\"a\":", "[\"open]", new string('[', 70) + new string(']', 70),
    };

    [Theory]
    [MemberData(nameof(Read))]
    public void What_it_reads_gives_exactly_the_tokens_System_Text_Json_gives(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.True(JsonScanner.IsStrict(new ArraySegment<byte>(bytes)));
        Assert.Equal(ReaderTokens(bytes), ScannedTokens(bytes));
    }

    [Theory]
    [MemberData(nameof(LeftToTheReader))]
    public void What_it_does_not_read_is_left_to_System_Text_Json(string text)
    {
        Assert.False(JsonScanner.IsStrict(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Text_that_is_not_UTF8_is_left_to_the_reader()
    {
        Assert.False(JsonScanner.IsStrict(new ArraySegment<byte>(new byte[] { (byte)'[', (byte)'"', 0xC3, (byte)'"', (byte)']' })));
    }

    /// <summary>
    /// Thousands of small edits of an export: whatever the scanner reads, System.Text.Json reads to the same tokens, and
    /// where the reader finds an error the scanner reads nothing.
    /// </summary>
    [Fact]
    public void Edited_files_read_as_System_Text_Json_reads_them_or_are_left_to_it()
    {
        var random = new Random(2207);
        const string inserts = " {}[],:\"\\0123456789eE.+-tfnul/*\n\tx";
        var read = 0;
        for (var i = 0; i < 4000; i++)
        {
            var text = Export;
            for (var edits = random.Next(1, 3); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                text = random.Next(2) == 0 ? text.Remove(at, 1) : text.Insert(at, inserts[random.Next(inserts.Length)].ToString());
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            if (!JsonScanner.IsStrict(new ArraySegment<byte>(bytes))) continue;
            read++;
            Assert.Equal(ReaderTokens(bytes), ScannedTokens(bytes));
        }

        Assert.True(read > 500, $"only {read} of 4000 edited files were read by the scanner");
    }

    [Fact]
    public void The_configuration_tokens_read_a_scanned_file_as_before_escapes_numbers_and_lines_included()
    {
        var bytes = Encoding.UTF8.GetBytes(Export);
        var tokens = new JsonConfigurationSyntax().Read(new ArraySegment<byte>(bytes), "f");
        var names = new List<string>();
        while (tokens.Read())
        {
            if (tokens.Token == ConfigToken.Scalar && tokens.ScalarKind == ConfigScalarKind.Number && tokens.TryGetNumber(out var number)) names.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (tokens.Token == ConfigToken.Scalar && tokens.TryGetGuid(out var id)) names.Add(id.ToString());
            if (tokens.Token == ConfigToken.PropertyName && tokens.GetString() == "name") names.Add($"line {tokens.LineOf(tokens.Position)}");
        }

        Assert.Equal(new[] { "ecd3d331-52dd-4e3b-9377-ed8fcde9fce1", "17dc74e8-3678-4841-bd47-73d4035b21d9", "line 8", "0adb0374-1744-401a-b8b0-15cbe0503173", "line 12", "-30050", "0" }, names);
    }

    [Fact]
    public void A_mistyped_literal_is_named_briefly_at_its_line_not_quoted_with_the_rest_of_the_file()
    {
        var text = Export.Replace("\"hideInUi\": false", "\"hideInUi\": tru") + new string(' ', 5000) + "\n";

        var problem = Assert.Single(Assert.Throws<ConfigurationFileException>(() => ReadAll(text)).Problems);

        Assert.Equal(15, problem.Line);
        Assert.True(problem.ToString().Length < 200, problem.ToString());
        Assert.Contains("'tru…' is an invalid JSON literal", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\ude00")]
    [InlineData("\\ud83dx")]
    public void Half_a_surrogate_pair_is_a_problem_at_its_line(string escape)
    {
        var text = Export.Replace("\"description\": \"\"", $"\"description\": \"a{escape}\"");

        var problem = Assert.Single(Assert.Throws<ConfigurationFileException>(() => ReadAll(text)).Problems);

        Assert.Equal(13, problem.Line);
        Assert.Contains("half of a surrogate pair", problem.ToString(), StringComparison.Ordinal);
    }

    private static void ReadAll(string text)
    {
        var tokens = new JsonConfigurationSyntax().Read(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), "f");
        while (tokens.Read())
        {
            if (tokens.Token is ConfigToken.PropertyName or ConfigToken.Scalar) tokens.GetString();
        }
    }

    private static List<(ConfigToken, ConfigScalarKind?, int, string?)> ReaderTokens(byte[] bytes)
    {
        var list = new List<(ConfigToken, ConfigScalarKind?, int, string?)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            list.Add(reader.TokenType switch
            {
                JsonTokenType.StartObject => (ConfigToken.StartObject, null, start, null),
                JsonTokenType.EndObject => (ConfigToken.EndObject, null, start, null),
                JsonTokenType.StartArray => (ConfigToken.StartArray, null, start, null),
                JsonTokenType.EndArray => (ConfigToken.EndArray, null, start, null),
                JsonTokenType.PropertyName => (ConfigToken.PropertyName, null, start, reader.GetString()),
                JsonTokenType.String => (ConfigToken.Scalar, ConfigScalarKind.String, start, reader.GetString()),
                JsonTokenType.Number => (ConfigToken.Scalar, ConfigScalarKind.Number, start, Encoding.UTF8.GetString(reader.ValueSpan)),
                JsonTokenType.True or JsonTokenType.False => (ConfigToken.Scalar, ConfigScalarKind.Boolean, start, reader.GetBoolean() ? "true" : "false"),
                _ => (ConfigToken.Scalar, ConfigScalarKind.Null, start, null),
            });
        }

        return list;
    }

    private static List<(ConfigToken, ConfigScalarKind?, int, string?)> ScannedTokens(byte[] bytes)
    {
        var tokens = new JsonConfigurationSyntax().Read(new ArraySegment<byte>(bytes), "f");
        var list = new List<(ConfigToken, ConfigScalarKind?, int, string?)>();
        while (tokens.Read())
        {
            var scalar = tokens.Token == ConfigToken.Scalar;
            var text = tokens.Token == ConfigToken.PropertyName || (scalar && tokens.ScalarKind != ConfigScalarKind.Null) ? tokens.GetString() : null;
            list.Add((tokens.Token, scalar ? tokens.ScalarKind : null, (int)tokens.Position, text));
        }

        return list;
    }
}
