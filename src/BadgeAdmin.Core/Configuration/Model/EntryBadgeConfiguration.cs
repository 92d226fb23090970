namespace BadgeAdmin.Core.Configuration.Model;

/// <summary>A badge an entry carries: the directory badge it shows (named as in the file) and its position.</summary>
internal sealed class EntryBadgeConfiguration
{
    /// <summary>The directory badge's name, as the file's directory defines it.</summary>
    public string Badge { get; init; } = string.Empty;

    /// <summary>The badge's order on the entry; null leaves it as the server has it.</summary>
    public int? Order { get; init; }

    public int Line { get; init; }

    /// <summary>The file's directory badge this names (resolved when the file is read).</summary>
    public DirectoryBadgeConfiguration Target { get; init; } = null!;
}
