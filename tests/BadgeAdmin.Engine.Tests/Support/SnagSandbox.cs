using System.Web;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Sandbox.Control;
using BadgeAdmin.Sandbox.Snag;

namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>The Snag seed's fixed ids, and connecting the session to the sandbox with other Connect-Snag options.</summary>
public static class SnagSandbox
{
    /// <summary>Seed badge number <paramref name="i"/> of the main website (0 is the oldest).</summary>
    public static Guid SeedBadge(int i) => StableId.For($"snag/badge/{i}");

    /// <summary>The newest main-website badge: first in every listing, held by users in each status.</summary>
    public static Guid HeldBadge => SeedBadge(SnagData.DefaultMainWebsiteBadges - 1);

    public static Guid SeedUser(int i) => StableId.For($"snag/user/{i}");

    /// <summary>
    /// Connect-Snag to this fixture's sandbox with the key given as a user does, plus <paramref name="parameters"/>
    /// (e.g. "-OrganizationId $OrgId -MaxRetries 0"); the fixture's Reset() connects with the seed defaults instead.
    /// </summary>
    public static void ConnectSnag(this SandboxEngineFixture fixture, string parameters, params (string Name, object? Value)[] variables)
    {
        var all = new List<(string, object?)>
        {
            ("SnagKey", fixture.Server.State.Options.SnagKey), ("SandboxUri", fixture.BaseAddress), ("OrgId", fixture.OrganizationId),
        };
        all.AddRange(variables);
        fixture.Session.Run(
            "Connect-Snag -ApiKey (ConvertTo-SecureString $SnagKey -AsPlainText -Force) -BaseUri $SandboxUri " + parameters,
            all.ToArray()).ThrowIfErrors();
    }

    /// <summary>A badge as the sandbox holds it now (deleted ones too), read under its lock.</summary>
    public static SnagBadge SnagBadge(this SandboxEngineFixture fixture, Guid id)
    {
        var data = fixture.Server.State.Snag;
        lock (data.Gate) return data.FindBadge(id, includeDeleted: true) ?? throw new InvalidOperationException($"No badge {id} in the sandbox.");
    }

    /// <summary>One query parameter of a logged request (all its values joined by commas when repeated), or null.</summary>
    public static string? QueryValue(this LoggedRequest request, string name) => HttpUtility.ParseQueryString(request.Query)[name];

    /// <summary>Every value of a repeated query parameter, in the order sent.</summary>
    public static string[] QueryValues(this LoggedRequest request, string name) =>
        HttpUtility.ParseQueryString(request.Query).GetValues(name) ?? Array.Empty<string>();
}
