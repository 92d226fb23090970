using System.Text.Json.Nodes;

namespace BadgeAdmin.Sandbox.Control;

/// <summary>One emulated-API request as the sandbox saw it. Keys are never recorded, only whether one was valid.</summary>
public sealed record LoggedRequest(
    long Sequence,
    DateTimeOffset Time,
    string Method,
    string Path,
    string Query,
    string? Body,
    int Status,
    string Auth,
    string? UserAgent,
    bool Faulted);

/// <summary>The request log behind GET /_sandbox/requests; tests count and inspect the requests that reached the server.</summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<LoggedRequest> _entries = new();
    private long _sequence;

    public void Add(Func<long, LoggedRequest> create)
    {
        lock (_gate) _entries.Add(create(++_sequence));
    }

    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        lock (_gate) return _entries.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    public static JsonArray ToJson(IEnumerable<LoggedRequest> entries)
    {
        var array = new JsonArray();
        foreach (var e in entries)
        {
            array.Add(new JsonObject
            {
                ["sequence"] = e.Sequence,
                ["time"] = e.Time.ToString("O"),
                ["method"] = e.Method,
                ["path"] = e.Path,
                ["query"] = e.Query,
                ["body"] = e.Body,
                ["status"] = e.Status,
                ["auth"] = e.Auth,
                ["userAgent"] = e.UserAgent,
                ["faulted"] = e.Faulted,
            });
        }

        return array;
    }
}

/// <summary>Records every request to an emulated API, after it has been answered (so the status is known).</summary>
internal sealed class RequestLogMiddleware
{
    private const int MaxLoggedBody = 64 * 1024;
    private readonly RequestDelegate _next;

    public RequestLogMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context, SandboxState state)
    {
        if (ApiSurface.Classify(context.Request.Path) == ApiService.None)
        {
            await _next(context);
            return;
        }

        string? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            body = text.Length > MaxLoggedBody ? text[..MaxLoggedBody] : text;
            context.Request.Body.Position = 0;
        }

        var auth = ApiSurface.KeyStatus(context, state);
        var time = DateTimeOffset.UtcNow;
        try
        {
            await _next(context);
        }
        finally
        {
            state.Requests.Add(seq => new LoggedRequest(seq, time, context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "", body, context.Response.StatusCode, auth,
                context.Request.Headers.UserAgent.ToString(), context.Items.ContainsKey(FaultInjectionMiddleware.FaultedKey)));
        }
    }
}
