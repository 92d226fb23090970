using System.Text;
using BadgeAdmin.Core.Configuration.Syntax;

namespace BadgeAdmin.Tests.Support;

/// <summary>Text written in a test, read as the module reads a file's bytes.</summary>
internal static class SyntaxText
{
    public static IConfigurationTokens ReadText(this IConfigurationSyntax syntax, string text, string fileName) =>
        syntax.Read(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), fileName);

    /// <summary>The text's tokens gathered into nodes (the module never does this: it reads tokens into its model).</summary>
    public static ConfigNode ReadTree(this IConfigurationSyntax syntax, string text, string fileName)
    {
        var tokens = syntax.ReadText(text, fileName);
        Assert.True(tokens.Read());
        var root = Node(tokens);
        Assert.False(tokens.Read());
        return root;
    }

    /// <summary>Every token of the text, each with its line, to the end (syntax errors are thrown).</summary>
    public static List<(ConfigToken Token, string? Text, int Line)> ReadAll(this IConfigurationSyntax syntax, string text, string fileName)
    {
        var tokens = syntax.ReadText(text, fileName);
        var all = new List<(ConfigToken, string?, int)>();
        while (tokens.Read())
        {
            all.Add((tokens.Token, tokens.Token is ConfigToken.PropertyName or ConfigToken.Scalar ? tokens.GetString() : null, tokens.LineOf(tokens.Position)));
        }

        return all;
    }

    private static ConfigNode Node(IConfigurationTokens tokens)
    {
        switch (tokens.Token)
        {
            case ConfigToken.StartObject:
                var obj = new ConfigObject();
                while (tokens.Read() && tokens.Token != ConfigToken.EndObject)
                {
                    var name = tokens.GetString();
                    tokens.Read();
                    obj.Add(name, Node(tokens));
                }

                return obj;
            case ConfigToken.StartArray:
                var array = new ConfigArray();
                while (tokens.Read() && tokens.Token != ConfigToken.EndArray) array.Add(Node(tokens));
                return array;
            default:
                return new ConfigScalar(tokens.ScalarKind, tokens.GetString());
        }
    }
}
