namespace BadgeAdmin.Sandbox.Snag;

/// <summary>A CSV file given to a badge (csvFiles on create or update); shown in its csv condition's csvFiles.</summary>
public sealed class SnagCsvFile
{
    public required Guid Id { get; init; }
    public required string Url { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
}
