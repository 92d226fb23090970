using System;
using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>Rejects, during parameter binding, a value that is not an absolute http(s) URL (badge image URLs).</summary>
public sealed class ValidateHttpUrlAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var problem = Problem(arguments is PSObject wrapped ? wrapped.BaseObject : arguments);
        if (problem is not null) throw new ValidationMetadataException(problem);
    }

    /// <summary>Why the value is not acceptable, or null.</summary>
    internal static string? Problem(object? value)
    {
        var text = value?.ToString();
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : $"'{text}' is not an absolute http:// or https:// URL.";
    }
}
