using System;

namespace BadgeAdmin.Core.Diagnostics;

/// <summary>
/// Scrubs a connection's API key out of any text before it reaches a stream, an exception or a log.
/// Servers sometimes echo headers or bodies back in error pages, so everything we relay passes through here.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";
    private readonly string _secret;

    public SecretRedactor(string secret) => _secret = secret ?? string.Empty;

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        // Very short keys would mask ordinary words; real keys are long, and sandbox keys are never this short.
        if (_secret.Length < 4) return text!;
        return text!.IndexOf(_secret, StringComparison.Ordinal) < 0 ? text : text.Replace(_secret, Mask);
    }
}
