namespace BadgeAdmin.Sandbox.Control;

/// <summary>Which emulated API a request path belongs to, and whether it carried that API's key.</summary>
public enum ApiService
{
    None,
    PartnerPage,
    Snag,
}

internal static class ApiSurface
{
    public const string PartnerPagePrefix = "/api/directory/private/v1alpha/";
    public const string ControlPrefix = "/_sandbox/";

    public static ApiService Classify(PathString path)
    {
        var value = path.Value ?? string.Empty;
        if (value.StartsWith(PartnerPagePrefix, StringComparison.Ordinal)) return ApiService.PartnerPage;
        if (value.StartsWith("/api/", StringComparison.Ordinal)) return ApiService.Snag;
        return ApiService.None;
    }

    /// <summary>"valid", "invalid" or "missing": what the request log records instead of the key.</summary>
    public static string KeyStatus(HttpContext context, SandboxState state)
    {
        var (header, expected) = Classify(context.Request.Path) switch
        {
            ApiService.PartnerPage => ("Authorization", state.Options.PartnerPageKey),
            ApiService.Snag => ("X-API-KEY", state.Options.SnagKey),
            _ => (null, null),
        };
        if (header is null) return "n/a";
        var given = context.Request.Headers[header].ToString();
        if (string.IsNullOrEmpty(given)) return "missing";
        return string.Equals(given, expected, StringComparison.Ordinal) ? "valid" : "invalid";
    }
}
