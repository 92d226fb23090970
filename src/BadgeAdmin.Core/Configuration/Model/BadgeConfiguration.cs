namespace BadgeAdmin.Core.Configuration.Model;

/// <summary>
/// A badge program as a file holds it: the PartnerPage directories and the Snag websites it names (its scope), each
/// with what should be there. A section left out of the file is not looked at.
/// </summary>
internal sealed class BadgeConfiguration
{
    /// <summary>The file as the user named it, for messages.</summary>
    public string File { get; init; } = string.Empty;

    public PartnerPageConfiguration? PartnerPage { get; init; }

    public SnagConfiguration? Snag { get; init; }
}
