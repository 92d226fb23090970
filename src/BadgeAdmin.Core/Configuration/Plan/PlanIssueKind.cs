namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>Why part of a file could not be compared: nothing is planned for that part.</summary>
internal enum PlanIssueKind
{
    /// <summary>A name in the file matches two or more items on the server.</summary>
    NameAmbiguous,
    DirectoryNotFound,
    EntryNotFound,
    WebsiteNotFound,
    /// <summary>A loyalty badge to create, with no organization id in the file or the connection.</summary>
    OrganizationMissing,
}
