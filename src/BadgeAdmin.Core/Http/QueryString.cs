using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Builds a query string the way Snag's SDK does: arrays as repeated keys (<c>badgeIds=a&amp;badgeIds=b</c>),
/// GUIDs in lowercase, booleans as true/false. Null values are left out.
/// </summary>
public sealed class QueryString
{
    private readonly StringBuilder _text = new();

    public QueryString Add(string name, string? value)
    {
        if (value is null) return this;
        _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryString Add(string name, Guid? value) => Add(name, value?.ToString("D"));

    public QueryString Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryString Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public QueryString AddEach(string name, IEnumerable<Guid>? values)
    {
        if (values is null) return this;
        foreach (var value in values) Add(name, value);
        return this;
    }

    public QueryString AddEach(string name, IEnumerable<string>? values)
    {
        if (values is null) return this;
        foreach (var value in values) Add(name, value);
        return this;
    }

    public override string ToString() => _text.ToString();
}
