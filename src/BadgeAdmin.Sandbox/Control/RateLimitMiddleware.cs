using System.Globalization;
using System.Text.Json.Nodes;

namespace BadgeAdmin.Sandbox.Control;

/// <summary>
/// Answers an API request over the sandbox's rate limit as Snag documents (docs.snagsolutions.io, "Rate limits"):
/// 429 with {"message":"Too many requests, please try again later."}, and the Retry-After style the settings ask for.
/// Runs after the latency, as a real gateway's 429 also costs a round trip; the request log records it like any answer.
/// </summary>
internal sealed class RateLimitMiddleware
{
    public const string RateLimitedKey = "sandbox.rateLimited";
    public const string Body = "Too many requests, please try again later.";
    private readonly RequestDelegate _next;

    public RateLimitMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context, SandboxState state)
    {
        if (state.RateLimit.TryAdmit(ApiSurface.Classify(context.Request.Path), out var untilNext))
        {
            await _next(context);
            return;
        }

        context.Items[RateLimitedKey] = true;
        switch (state.RateLimit.RetryAfter)
        {
            case RateLimiter.RetryAfterSeconds:
                context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(untilNext.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                break;
            case RateLimiter.RetryAfterMilliseconds:
                context.Response.Headers["retry-after-ms"] = Math.Max(1, Math.Ceiling(untilNext.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
                break;
        }

        await JsonReply.Send(429, new JsonObject { ["message"] = Body }).ExecuteAsync(context);
    }
}
