using System;
using System.Globalization;
using System.Text;

namespace BadgeAdmin.Core.Http;

/// <summary>One row of a service's route table: method, path template relative to the service root, and its evidence.</summary>
public sealed class ApiRoute
{
    public ApiRoute(string method, string template, RouteEvidence evidence, string source)
    {
        Method = method;
        HttpMethod = new System.Net.Http.HttpMethod(method);
        Template = template;
        Evidence = evidence;
        Source = source;
    }

    /// <summary>The HTTP method every call of the route is sent with.</summary>
    public string Method { get; }

    internal System.Net.Http.HttpMethod HttpMethod { get; }

    /// <summary>Path relative to the service root, with <c>{name}</c> placeholders filled in order by <see cref="Format"/>.</summary>
    public string Template { get; }

    public RouteEvidence Evidence { get; }

    /// <summary>Where the route comes from (a section of the API reference).</summary>
    public string Source { get; }

    /// <summary>Fills the placeholders in order; values are URL-escaped.</summary>
    public string Format(params object[] values)
    {
        var result = new StringBuilder(Template.Length + 64);
        var next = 0;
        for (var i = 0; i < Template.Length; i++)
        {
            var c = Template[i];
            if (c != '{')
            {
                result.Append(c);
                continue;
            }

            var close = Template.IndexOf('}', i);
            if (next >= values.Length) throw new ArgumentException($"Route {Template} needs more values than the {values.Length} given.");
            var value = Convert.ToString(values[next++], CultureInfo.InvariantCulture) ?? string.Empty;
            result.Append(Uri.EscapeDataString(value));
            i = close;
        }

        return result.ToString();
    }

    /// <summary>A call of this route, the placeholders filled with <paramref name="values"/> (see <see cref="Format"/>).</summary>
    internal RouteCall Call(params object[] values) => new(this, Format(values));

    /// <summary>A call of this route to a path already made (a query added, or the server's next-page link).</summary>
    internal RouteCall CallAt(string pathOrUri) => new(this, pathOrUri);

    public override string ToString() => $"{Method} {Template} ({Evidence})";
}
