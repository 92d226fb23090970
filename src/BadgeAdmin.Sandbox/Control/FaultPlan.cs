using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BadgeAdmin.Sandbox.Control;

/// <summary>
/// One scripted failure: the next <see cref="Count"/> requests matching <see cref="Method"/> and <see cref="PathPattern"/>
/// get this answer instead of the emulated one.
/// </summary>
public sealed class FaultRule
{
    /// <summary>HTTP method to match, or null for any.</summary>
    public string? Method { get; init; }

    /// <summary>Path pattern; '*' matches any run of characters. Default: every API path.</summary>
    public string PathPattern { get; init; } = "*";

    public int Status { get; init; } = 500;

    public int Count { get; set; } = 1;

    /// <summary>Serve the fault on every Nth matching request only (1 = each one); the others pass on.</summary>
    public int Every { get; init; } = 1;

    internal long Matched { get; set; }

    /// <summary>Sent as the Retry-After header as given (seconds, or an HTTP date).</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Sent as the retry-after-ms header.</summary>
    public string? RetryAfterMs { get; init; }

    /// <summary>Delay before answering.</summary>
    public int DelayMs { get; init; }

    /// <summary>Body to send; default a JSON {"message": …}.</summary>
    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    /// <summary>Never answer: hold the request until the client gives up.</summary>
    public bool Stall { get; init; }

    /// <summary>Drop the connection without answering.</summary>
    public bool Abort { get; init; }

    /// <summary>Answer with headers and the first half of the body, then hold the connection (a body that stalls).</summary>
    public bool StallBody { get; init; }

    /// <summary>Send the body one byte at a time, this many milliseconds apart (a body that trickles); 0 = at once.</summary>
    public int TrickleMs { get; init; }

    /// <summary>After the body, send this text again and again until the client gives up (a body that never ends).</summary>
    public string? Repeat { get; init; }

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && Regex.IsMatch(path, "^" + Regex.Escape(PathPattern).Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant);

    /// <summary>Reads a rule from the control route's JSON, naming the field at fault.</summary>
    public static FaultRule FromJson(JsonObject json)
    {
        static string? Text(JsonObject o, string name) => o[name] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"'{name}' must be a string or a number."),
        };
        static int Int(JsonObject o, string name, int fallback, int min, int max)
        {
            if (o[name] is null) return fallback;
            if (o[name] is JsonValue v && v.TryGetValue<int>(out var n) && n >= min && n <= max) return n;
            throw new ArgumentException($"'{name}' must be a whole number from {min} to {max}.");
        }
        static bool Bool(JsonObject o, string name)
        {
            if (o[name] is null) return false;
            if (o[name] is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
            throw new ArgumentException($"'{name}' must be true or false.");
        }

        return new FaultRule
        {
            Method = Text(json, "method"),
            PathPattern = Text(json, "path") ?? "*",
            Status = Int(json, "status", 500, 100, 599),
            Count = Int(json, "count", 1, 1, 1_000_000),
            Every = Int(json, "every", 1, 1, 1_000_000),
            RetryAfter = Text(json, "retryAfter"),
            RetryAfterMs = Text(json, "retryAfterMs"),
            DelayMs = Int(json, "delayMs", 0, 0, 600_000),
            Body = Text(json, "body"),
            ContentType = Text(json, "contentType") ?? "application/json",
            Stall = Bool(json, "stall"),
            Abort = Bool(json, "abort"),
            StallBody = Bool(json, "stallBody"),
            TrickleMs = Int(json, "trickleMs", 0, 0, 600_000),
            Repeat = Text(json, "repeat") is { Length: > 0 } repeat ? repeat : null,
        };
    }

    public JsonObject ToJson() => new()
    {
        ["method"] = Method,
        ["path"] = PathPattern,
        ["status"] = Status,
        ["count"] = Count,
        ["every"] = Every,
        ["retryAfter"] = RetryAfter,
        ["retryAfterMs"] = RetryAfterMs,
        ["delayMs"] = DelayMs,
        ["body"] = Body,
        ["contentType"] = ContentType,
        ["stall"] = Stall,
        ["abort"] = Abort,
        ["stallBody"] = StallBody,
        ["trickleMs"] = TrickleMs,
        ["repeat"] = Repeat,
    };
}

/// <summary>The scripted failures still to be served, first added first matched.</summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();

    public void Add(FaultRule rule)
    {
        lock (_gate) _rules.Add(rule);
    }

    /// <summary>Takes one use of the first rule matching the request, if any.</summary>
    public FaultRule? Take(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (rule.Count <= 0 || !rule.Matches(method, path)) continue;
                if (++rule.Matched % rule.Every != 0) continue; // not due: a later rule or the real route answers
                if (--rule.Count == 0) _rules.RemoveAt(i);
                return rule;
            }

            return null;
        }
    }

    public IReadOnlyList<FaultRule> Snapshot()
    {
        lock (_gate) return _rules.ToArray();
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }
}

/// <summary>Serves scripted failures in place of the emulated routes.</summary>
internal sealed class FaultInjectionMiddleware
{
    public const string FaultedKey = "sandbox.faulted";
    private static readonly TimeSpan LongestStall = TimeSpan.FromMinutes(10);
    private readonly RequestDelegate _next;

    public FaultInjectionMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context, SandboxState state)
    {
        var rule = ApiSurface.Classify(context.Request.Path) == ApiService.None
            ? null
            : state.Faults.Take(context.Request.Method, context.Request.Path.Value ?? "");
        if (rule is null)
        {
            await _next(context);
            return;
        }

        context.Items[FaultedKey] = true;
        try
        {
            if (rule.DelayMs > 0) await Task.Delay(rule.DelayMs, context.RequestAborted);
            if (rule.Stall)
            {
                await Task.Delay(LongestStall, context.RequestAborted);
                return;
            }
        }
        catch (OperationCanceledException)
        {
            return; // the client gave up, as a stall intends
        }

        if (rule.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = rule.Status;
        if (rule.RetryAfter is not null) context.Response.Headers.RetryAfter = rule.RetryAfter;
        if (rule.RetryAfterMs is not null) context.Response.Headers["retry-after-ms"] = rule.RetryAfterMs;
        context.Response.ContentType = rule.ContentType;
        var body = rule.Body ?? new JsonObject { ["message"] = $"Injected fault: {rule.Status}." }.ToJsonString();
        if (rule.StallBody)
        {
            try
            {
                await context.Response.WriteAsync(body[..(body.Length / 2)], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(LongestStall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // the client gave up reading, as intended
            }

            return;
        }

        try
        {
            if (rule.TrickleMs > 0)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                for (var i = 0; i < bytes.Length; i++)
                {
                    await context.Response.Body.WriteAsync(bytes.AsMemory(i, 1), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(rule.TrickleMs, context.RequestAborted);
                }
            }
            else
            {
                await context.Response.WriteAsync(body, context.RequestAborted);
            }

            if (rule.Repeat is { } repeat)
            {
                var chunk = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeat, Math.Max(1, 65536 / Math.Max(1, repeat.Length)))));
                while (true) await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // the client gave up reading, as intended
        }
    }
}
