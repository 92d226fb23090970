using System.Collections.Generic;

namespace BadgeAdmin.Core.Configuration.Model;

/// <summary>The file's <c>partnerPage</c> section: the directories it manages.</summary>
internal sealed class PartnerPageConfiguration
{
    public List<DirectoryConfiguration> Directories { get; } = new();
}
