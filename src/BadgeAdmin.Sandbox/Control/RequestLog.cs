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
    bool Faulted,
    bool Proxied = false);

/// <summary>The request log behind GET /_sandbox/requests; tests count and inspect the requests that reached the server.</summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<LoggedRequest> _entries = new();
    private long _sequence;

    /// <summary>Logs a request as it arrives (status 0 until <see cref="Complete"/>), so it is in the log before any answer leaves.</summary>
    public long Begin(Func<long, LoggedRequest> create)
    {
        lock (_gate)
        {
            var entry = create(++_sequence);
            _entries.Add(entry);
            return entry.Sequence;
        }
    }

    /// <summary>Records the answer's status; the entry may be gone if the log was cleared meanwhile.</summary>
    public void Complete(long sequence, int status, bool faulted)
    {
        lock (_gate)
        {
            var at = _entries.FindLastIndex(e => e.Sequence == sequence); // answers come soon after their request: search from the end
            if (at >= 0) _entries[at] = _entries[at] with { Status = status, Faulted = faulted };
        }
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
                ["proxied"] = e.Proxied,
            });
        }

        return array;
    }
}

/// <summary>
/// Records every request to an emulated API when it arrives, and its status when the response starts: a client can
/// never see an answer before the request is in the log, so tests may count requests right after a call returns.
/// </summary>
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
        // A request line in absolute form (GET http://host/path) is what a client sends to a proxy.
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "";
        var proxied = rawTarget.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rawTarget.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var sequence = state.Requests.Begin(seq => new LoggedRequest(seq, DateTimeOffset.UtcNow, context.Request.Method, context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "", body, 0, auth, context.Request.Headers.UserAgent.ToString(), false, proxied));
        var completed = false;
        void Complete()
        {
            if (completed) return;
            completed = true;
            state.Requests.Complete(sequence, context.Response.StatusCode, context.Items.ContainsKey(FaultInjectionMiddleware.FaultedKey));
        }

        context.Response.OnStarting(() =>
        {
            Complete();
            return Task.CompletedTask;
        });
        try
        {
            await _next(context);
        }
        finally
        {
            Complete(); // no response started: a dropped or stalled request
        }
    }
}
