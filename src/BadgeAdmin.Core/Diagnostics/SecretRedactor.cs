using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BadgeAdmin.Core.Diagnostics;

/// <summary>
/// Scrubs a connection's API key out of any text before it reaches a stream, an exception or a log.
/// Servers echo keys back in error pages and redirects, encoded as they please: every encoding of the key we can
/// compute (URL, form, JSON, HTML, base64) is masked, case-insensitively, and so is a piece of one cut off where an
/// excerpt begins or ends.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>Shorter keys would mask ordinary words; real keys are long, and sandbox keys are never this short.</summary>
    private const int MinimumLength = 4;

    /// <summary>The shortest piece of a key masked at an excerpt's edge: shorter ones are too likely to be ordinary text.</summary>
    private const int MinimumFragment = 4;

    private const char Ellipsis = '…';

    private readonly string _secret;
    private readonly string[] _forms;

    public SecretRedactor(string secret)
    {
        _secret = secret ?? string.Empty;
        _forms = _secret.Length < MinimumLength ? Array.Empty<string>() : FormsOf(_secret);
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || _forms.Length == 0) return text ?? string.Empty;
        var result = text!;
        if (result.Length <= MaxDecodedLength && result.IndexOfAny(EscapeStarts) >= 0) result = RedactDecoded(result);
        foreach (var form in _forms) result = ReplaceIgnoringCase(result, form);
        return MaskEdges(result);
    }

    /// <summary>Texts longer than this (a debug body of many MB) are searched for the computed forms only, not decoded.</summary>
    private const int MaxDecodedLength = 1024 * 1024;

    private static readonly char[] EscapeStarts = { '%', '\\', '&' };

    /// <summary>
    /// Encodings mixed or stacked (a JSON escape inside a URL that a parser re-encoded: <c>%5Cu002B</c>) are no
    /// computable form: decode the text layer by layer (percent, JSON and HTML escapes), look for the key in each
    /// layer, and mask the original characters each find came from.
    /// </summary>
    private string RedactDecoded(string text)
    {
        var masked = new bool[text.Length];
        var found = false;
        var layer = text;
        var starts = new int[text.Length];
        var ends = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            starts[i] = i;
            ends[i] = i + 1;
        }

        for (var depth = 0; depth < 4; depth++)
        {
            for (var at = layer.IndexOf(_secret, StringComparison.OrdinalIgnoreCase); at >= 0; at = layer.IndexOf(_secret, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                for (var i = starts[at]; i < ends[at + _secret.Length - 1]; i++) masked[i] = true;
                found = true;
            }

            if (!Decode(layer, out var decoded, out var from, out var to)) break;
            var nextStarts = new int[decoded.Length];
            var nextEnds = new int[decoded.Length];
            for (var i = 0; i < decoded.Length; i++)
            {
                nextStarts[i] = starts[from[i]];
                nextEnds[i] = ends[to[i] - 1];
            }

            (layer, starts, ends) = (decoded, nextStarts, nextEnds);
        }

        if (!found) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!masked[i]) result.Append(text[i]);
            else if (i == 0 || !masked[i - 1]) result.Append(Mask);
        }

        return result.ToString();
    }

    /// <summary>One layer of percent (%2B), JSON (\u002B, \/) and HTML (&amp;#43;, &amp;amp;) escapes; false when there was none.</summary>
    private static bool Decode(string text, out string decoded, out int[] from, out int[] to)
    {
        var result = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        var changed = false;
        for (var i = 0; i < text.Length;)
        {
            var (c, length) = Unescape(text, i);
            changed |= length > 1;
            result.Append(c);
            starts.Add(i);
            ends.Add(i + length);
            i += length;
        }

        decoded = result.ToString();
        from = starts.ToArray();
        to = ends.ToArray();
        return changed;
    }

    private static (char Char, int Length) Unescape(string text, int i)
    {
        var c = text[i];
        if (c == '%' && Hex(text, i + 1, 2) is { } percent) return ((char)percent, 3);
        if (c == '\\' && i + 1 < text.Length)
        {
            if (text[i + 1] is 'u' or 'U' && Hex(text, i + 2, 4) is { } unicode) return ((char)unicode, 6);
            if (text[i + 1] is '/' or '\\' or '"' or '\'') return (text[i + 1], 2);
        }

        if (c == '&')
        {
            var end = text.IndexOf(';', i + 1);
            if (end > i && end - i <= 10)
            {
                var entity = text.Substring(i + 1, end - i - 1);
                var length = end - i + 1;
                switch (entity.ToLowerInvariant())
                {
                    case "amp": return ('&', length);
                    case "lt": return ('<', length);
                    case "gt": return ('>', length);
                    case "quot": return ('"', length);
                    case "apos": return ('\'', length);
                }

                if (entity.Length > 2 && entity[0] == '#' && entity[1] is 'x' or 'X' && Hex(entity, 2, entity.Length - 2) is { } hex) return ((char)hex, length);
                if (entity.Length > 1 && entity[0] == '#' && int.TryParse(entity.Substring(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number < 0x10000)
                {
                    return ((char)number, length);
                }
            }
        }

        return (c, 1);
    }

    private static int? Hex(string text, int start, int count)
    {
        if (count < 1 || count > 4 || start + count > text.Length) return null;
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] switch
            {
                >= '0' and <= '9' => text[i] - '0',
                >= 'a' and <= 'f' => text[i] - 'a' + 10,
                >= 'A' and <= 'F' => text[i] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0) return null;
            value = (value * 16) + digit;
        }

        return value;
    }

    /// <summary>
    /// A copy of an exception chain safe to show: each message (and stack trace) redacted, each exception's type name
    /// kept. Exceptions reach <c>Get-Error</c>, <c>Export-Clixml</c> and <c>ToString()</c> whole, inner ones included.
    /// </summary>
    public Exception? RedactChain(Exception? exception)
    {
        if (exception is null) return null;
        return new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, Redact(exception.Message),
            exception.StackTrace is null ? null : Redact(exception.StackTrace), RedactChain(exception.InnerException));
    }

    private static string[] FormsOf(string secret)
    {
        var forms = new List<string> { secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret), WebUtility.HtmlEncode(secret) };
        forms.Add(Uri.EscapeDataString(forms[1])); // encoded twice, as a redirect through a redirect does
        foreach (var encoder in new[] { JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        {
            var json = JsonEncodedText.Encode(secret, encoder).ToString();
            forms.Add(json);
            forms.Add(json.Replace("/", "\\/")); // other serializers escape the solidus
        }

        forms.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
        return forms.Where(f => f.Length >= MinimumLength).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(f => f.Length).ToArray();
    }

    private static string ReplaceIgnoringCase(string text, string form)
    {
        var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return text;
        var result = new StringBuilder(text.Length);
        var from = 0;
        while (at >= 0)
        {
            result.Append(text, from, at - from).Append(Mask);
            from = at + form.Length;
            at = text.IndexOf(form, from, StringComparison.OrdinalIgnoreCase);
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>
    /// An excerpt cut inside the key leaves its start at the excerpt's end (often before '…') or its end at the
    /// excerpt's start: mask the longest such piece of any form.
    /// </summary>
    private string MaskEdges(string text)
    {
        var end = text.Length;
        while (end > 0 && (text[end - 1] == Ellipsis || char.IsWhiteSpace(text[end - 1]))) end--;
        var start = 0;
        while (start < end && char.IsWhiteSpace(text[start])) start++;

        var tail = 0;
        var head = 0;
        foreach (var form in _forms)
        {
            for (var length = Math.Min(form.Length - 1, end - start); length >= MinimumFragment && length > tail; length--)
            {
                if (string.Compare(text, end - length, form, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    tail = length;
                    break;
                }
            }

            for (var length = Math.Min(form.Length - 1, end - start); length >= MinimumFragment && length > head; length--)
            {
                if (string.Compare(text, start, form, form.Length - length, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    head = length;
                    break;
                }
            }
        }

        if (tail == 0 && head == 0) return text;
        if (head + tail > end - start) tail = Math.Max(0, end - start - head); // one short text that is both: mask it once
        return text.Substring(0, start) + (head > 0 ? Mask : string.Empty) + text.Substring(start + head, end - tail - start - head)
               + (tail > 0 ? Mask : string.Empty) + text.Substring(end);
    }

    /// <summary>Stands in for an exception whose text might hold the key: same type name, redacted message and stack.</summary>
    private sealed class RedactedException : Exception
    {
        private readonly string? _stackTrace;

        public RedactedException(string originalType, string message, string? stackTrace, Exception? inner)
            : base($"{message} [{originalType}]", inner)
        {
            _stackTrace = stackTrace;
        }

        public override string? StackTrace => _stackTrace;
    }
}
