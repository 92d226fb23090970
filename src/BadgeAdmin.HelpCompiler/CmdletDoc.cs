namespace BadgeAdmin.HelpCompiler;

/// <summary>What a cmdlet's markdown page says: the prose around the facts the assembly gives.</summary>
internal sealed class CmdletDoc
{
    public required string Name { get; init; }
    public string Synopsis { get; set; } = "";
    public List<string> Description { get; } = new();
    public List<DocExample> Examples { get; } = new();
    public Dictionary<string, List<string>> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> Inputs { get; } = new();
    public List<string> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<string> RelatedLinks { get; } = new();
}

internal sealed class DocExample
{
    public required string Title { get; init; }
    public string Code { get; set; } = "";
    public List<string> Remarks { get; } = new();
}
