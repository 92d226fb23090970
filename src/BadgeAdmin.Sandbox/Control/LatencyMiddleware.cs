namespace BadgeAdmin.Sandbox.Control;

/// <summary>Adds the configured latency to every emulated API request, like a round trip to a remote service.</summary>
internal sealed class LatencyMiddleware
{
    private readonly RequestDelegate _next;

    public LatencyMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context, SandboxState state)
    {
        if (state.LatencyMs > 0 && ApiSurface.Classify(context.Request.Path) != ApiService.None)
        {
            await Task.Delay(state.LatencyMs, context.RequestAborted);
        }

        await _next(context);
    }
}
