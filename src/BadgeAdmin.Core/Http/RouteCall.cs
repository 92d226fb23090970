using System.Net.Http;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// One call of a route: the route, whose method is the one sent, and the path it goes to (the template filled in,
/// perhaps with a query, or a next-page link the server gave).
/// </summary>
internal readonly record struct RouteCall(ApiRoute Route, string PathOrUri)
{
    public HttpMethod Method => Route.HttpMethod;
}
