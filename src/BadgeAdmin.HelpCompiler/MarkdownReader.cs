using System.Text;

namespace BadgeAdmin.HelpCompiler;

/// <summary>
/// Reads the platyPS page layout: a front-matter block, then "# Name", "## SYNOPSIS", "## DESCRIPTION",
/// "## EXAMPLES" ("### Example N: title", a powershell code block, remarks), "## PARAMETERS" ("### -Name", its
/// description; any yaml block is ignored because the facts come from the assembly), "## INPUTS", "## OUTPUTS",
/// "## NOTES", "## RELATED LINKS". Paragraphs are separated by blank lines; a list ("- item") stays one paragraph with
/// each item on its own line, as Get-Help keeps line breaks.
/// </summary>
internal static class MarkdownReader
{
    public static CmdletDoc Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            i = Array.FindIndex(lines, 1, l => l.Trim() == "---") + 1;
            if (i == 0) throw new FormatException($"{path}: the front matter is not closed.");
        }

        CmdletDoc? doc = null;
        string section = "";
        List<string>? target = null;
        DocExample? example = null;
        var paragraph = new StringBuilder();
        var inCode = false;
        var codeIsYaml = false;
        var code = new StringBuilder();

        void Flush()
        {
            if (paragraph.Length == 0) return;
            var text = paragraph.ToString().Trim();
            paragraph.Clear();
            if (text.Length == 0) return;
            if (section == "SYNOPSIS") doc!.Synopsis = doc.Synopsis.Length == 0 ? text : doc.Synopsis + " " + text;
            else target?.Add(text);
        }

        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (!inCode)
                {
                    Flush();
                    inCode = true;
                    codeIsYaml = line.Trim().Length > 3 && line.Trim()[3..].Trim() is "yaml" or "yml";
                    code.Clear();
                    continue;
                }

                inCode = false;
                if (codeIsYaml) continue;
                // An example's first block is its command; a later one is what it prints, shown with the remarks.
                if (section == "EXAMPLES" && example is not null && example.Code.Length == 0) example.Code = code.ToString().TrimEnd();
                else if (section == "EXAMPLES" && example is not null) example.Remarks.Add(code.ToString().TrimEnd());
                else target?.Add(code.ToString().TrimEnd());
                continue;
            }

            if (inCode)
            {
                code.AppendLine(line);
                continue;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                doc = new CmdletDoc { Name = line[2..].Trim() };
                continue;
            }

            if (doc is null)
            {
                if (line.Trim().Length > 0) throw new FormatException($"{path}: text before the '# Name' heading.");
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                section = line[3..].Trim().ToUpperInvariant();
                example = null;
                target = section switch
                {
                    "DESCRIPTION" => doc.Description,
                    "INPUTS" => TypeEntry(doc.Inputs, "").Description,
                    "OUTPUTS" => TypeEntry(doc.Outputs, "").Description,
                    "NOTES" => doc.Notes,
                    "RELATED LINKS" => doc.RelatedLinks,
                    _ => null,
                };
                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                var heading = line[4..].Trim();
                if (section == "EXAMPLES")
                {
                    example = new DocExample { Title = heading };
                    doc.Examples.Add(example);
                    target = example.Remarks;
                }
                else if (section == "PARAMETERS")
                {
                    var name = heading.TrimStart('-');
                    target = doc.Parameters[name] = new List<string>();
                }
                else if (section is "INPUTS" or "OUTPUTS")
                {
                    // Each type owns the paragraphs under it, so Get-Help shows them under that type.
                    target = TypeEntry(section == "INPUTS" ? doc.Inputs : doc.Outputs, heading).Description;
                }

                continue;
            }

            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            if (section == "RELATED LINKS" && line.TrimStart().StartsWith('['))
            {
                Flush();
                var text = line.Trim();
                doc.RelatedLinks.Add(text[1..text.IndexOf(']')]);
                continue;
            }

            paragraph.Append(paragraph.Length == 0 ? "" : IsListItem(line) ? "\n" : " ").Append(line.Trim());
        }

        if (inCode) throw new FormatException($"{path}: a code block is not closed.");
        Flush();
        if (doc is null) throw new FormatException($"{path}: no '# Name' heading.");
        doc.Inputs.RemoveAll(t => t.Name.Length == 0 && t.Description.Count == 0);
        doc.Outputs.RemoveAll(t => t.Name.Length == 0 && t.Description.Count == 0);
        return doc;
    }

    /// <summary>"- item", "* item" or "1. item": a line that starts a list item.</summary>
    private static bool IsListItem(string line)
    {
        var text = line.TrimStart();
        if (text.StartsWith("- ", StringComparison.Ordinal) || text.StartsWith("* ", StringComparison.Ordinal)) return true;
        var digits = text.TakeWhile(char.IsDigit).Count();
        return digits > 0 && text.Length > digits + 1 && text[digits] == '.' && text[digits + 1] == ' ';
    }

    private static DocType TypeEntry(List<DocType> types, string name)
    {
        var entry = new DocType { Name = name };
        types.Add(entry);
        return entry;
    }
}
