namespace BadgeAdmin.HelpCompiler;

/// <summary>What a cmdlet's markdown page says: the prose around the facts the assembly gives.</summary>
internal sealed class CmdletDoc
{
    public required string Name { get; init; }
    public string Synopsis { get; set; } = "";
    public List<string> Description { get; } = new();
    public List<DocExample> Examples { get; } = new();
    public Dictionary<string, List<string>> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<DocType> Inputs { get; } = new();
    public List<DocType> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<string> RelatedLinks { get; } = new();
}

internal sealed class DocExample
{
    public required string Title { get; init; }
    public string Code { get; set; } = "";
    public List<string> Remarks { get; } = new();
}

/// <summary>A type under INPUTS or OUTPUTS ("### System.Guid[]") with the paragraphs under it; Name is empty for text above the first type.</summary>
internal sealed class DocType
{
    public required string Name { get; init; }
    public List<string> Description { get; } = new();
}
