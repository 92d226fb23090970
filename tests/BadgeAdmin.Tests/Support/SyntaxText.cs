using System.Text;
using BadgeAdmin.Core.Configuration.Syntax;

namespace BadgeAdmin.Tests.Support;

/// <summary>Text written in a test, read as the module reads a file's bytes.</summary>
internal static class SyntaxText
{
    public static ConfigNode ReadText(this IConfigurationSyntax syntax, string text, string fileName) =>
        syntax.Read(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), fileName);
}
