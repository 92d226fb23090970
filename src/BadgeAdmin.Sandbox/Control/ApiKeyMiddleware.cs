namespace BadgeAdmin.Sandbox.Control;

/// <summary>Answers 401 to an emulated API request without that API's valid key, as the real services do.</summary>
internal sealed class ApiKeyMiddleware
{
    private readonly RequestDelegate _next;

    public ApiKeyMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context, SandboxState state)
    {
        var service = ApiSurface.Classify(context.Request.Path);
        var status = ApiSurface.KeyStatus(context, state);
        if (service == ApiService.None || status == "valid")
        {
            await _next(context);
            return;
        }

        var reply = service == ApiService.PartnerPage
            ? JsonReply.Detail(401, status == "missing" ? "Authentication credentials were not provided." : "Invalid API key.")
            : JsonReply.Message(401, status == "missing" ? "Missing API key." : "Invalid API key.");
        await reply.ExecuteAsync(context);
    }
}
