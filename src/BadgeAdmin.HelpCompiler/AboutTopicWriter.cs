using System.Text;

namespace BadgeAdmin.HelpCompiler;

/// <summary>
/// Turns about_*.md into the plain-text about_*.help.txt Get-Help shows: headings in capitals, text indented and
/// wrapped at 80 columns, code blocks kept as they are.
/// </summary>
internal static class AboutTopicWriter
{
    public static string Write(string markdown)
    {
        var text = new StringBuilder();
        var inCode = false;
        var paragraph = new StringBuilder();

        void Flush()
        {
            if (paragraph.Length == 0) return;
            foreach (var line in Wrap(paragraph.ToString().Trim(), 76)) text.Append("    ").AppendLine(line);
            text.AppendLine();
            paragraph.Clear();
        }

        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                inCode = !inCode;
                if (!inCode) text.AppendLine();
                continue;
            }

            if (inCode)
            {
                text.Append("        ").AppendLine(raw);
                continue;
            }

            if (raw.StartsWith('#'))
            {
                Flush();
                var heading = raw.TrimStart('#').Trim();
                if (raw.StartsWith("# ", StringComparison.Ordinal)) text.AppendLine("TOPIC").Append("    ").AppendLine(heading).AppendLine();
                else text.AppendLine(heading.ToUpperInvariant());
                continue;
            }

            if (raw.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            if (raw.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                Flush();
                paragraph.Append(raw.Trim());
                continue;
            }

            paragraph.Append(paragraph.Length == 0 ? "" : " ").Append(raw.Trim().Replace("`", ""));
        }

        Flush();
        return text.ToString();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length == 0 ? "" : " ").Append(word);
        }

        if (line.Length > 0) yield return line.ToString();
    }
}
