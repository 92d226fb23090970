namespace BadgeAdmin.Tests.Support;

/// <summary>Where the build puts what these tests read: the repository root, found above the test assembly.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BadgeAdmin.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException("BadgeAdmin.sln not found above " + AppContext.BaseDirectory);
    }
}
