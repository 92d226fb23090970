using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;

namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// One object as one line of JSON, the way <see cref="LoyaltyBadgeForm"/> compares and shows conditions and rewards:
/// fields in the order given, null, empty text and empty lists left out, lists of ids sorted.
/// </summary>
internal sealed class Canonical
{
    private readonly StringBuilder _text = new("{");

    public Canonical Text(string name, string? value) => string.IsNullOrEmpty(value) ? this : Raw(name, "\"" + JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value!) + "\"");

    public Canonical Number(string name, double? value) => value is { } n ? Raw(name, n.ToString("R", CultureInfo.InvariantCulture)) : this;

    public Canonical Flag(string name, bool value) => value ? Raw(name, "true") : this;

    public Canonical Id(string name, Guid? value) => value is { } id ? Raw(name, "\"" + id.ToString("D") + "\"") : this;

    public Canonical Ids(string name, Guid[]? ids) => ids switch
    {
        null or { Length: 0 } => this,
        { Length: 1 } => Raw(name, "[\"" + ids[0].ToString("D") + "\"]"),
        _ => Raw(name, "[" + string.Join(",", ids.Select(i => i.ToString("D")).Distinct().OrderBy(i => i, StringComparer.Ordinal).Select(i => "\"" + i + "\"")) + "]"),
    };

    public override string ToString() => _text.ToString() + "}";

    private Canonical Raw(string name, string value)
    {
        if (_text.Length > 1) _text.Append(',');
        _text.Append('"').Append(name).Append("\":").Append(value);
        return this;
    }
}
