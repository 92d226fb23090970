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
    bool Proxied = false,
    bool RateLimited = false);

/// <summary>
/// The request log behind GET /_sandbox/requests; tests count and inspect the requests that reached the server.
/// A ring of at most <see cref="Capacity"/> entries (and 64 MB of logged bodies): a sandbox left running for a
/// long benchmark or a day-long try stays bounded, dropping its oldest entries and counting them in
/// <see cref="Dropped"/>. Sequences are consecutive, so an entry is found from its sequence at once.
/// </summary>
public sealed class RequestLog
{
    public const int DefaultCapacity = 100_000;

    /// <summary>The most body text kept in all, in characters; older entries go first beyond it.</summary>
    public const long BodyBudget = 64L * 1024 * 1024;

    private readonly object _gate = new();
    private LoggedRequest?[] _ring;
    private int _oldest;
    private int _count;
    private long _oldestSequence = 1;
    private long _sequence;
    private long _bodyChars;
    private long _dropped;

    public RequestLog(int capacity = DefaultCapacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        _ring = new LoggedRequest?[capacity];
    }

    /// <summary>The most entries kept; setting it keeps the newest that fit.</summary>
    public int Capacity
    {
        get
        {
            lock (_gate) return _ring.Length;
        }
        set
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(value));
            lock (_gate)
            {
                var kept = Entries();
                while (kept.Count > value)
                {
                    _bodyChars -= kept[0].Body?.Length ?? 0;
                    kept.RemoveAt(0);
                    _dropped++;
                }

                _ring = new LoggedRequest?[value];
                for (var i = 0; i < kept.Count; i++) _ring[i] = kept[i];
                _oldest = 0;
                _count = kept.Count;
                _oldestSequence = kept.Count > 0 ? kept[0].Sequence : _sequence + 1;
            }
        }
    }

    /// <summary>Entries dropped to stay within the bounds since the log was last cleared.</summary>
    public long Dropped
    {
        get
        {
            lock (_gate) return _dropped;
        }
    }

    /// <summary>Logs a request as it arrives (status 0 until <see cref="Complete"/>), so it is in the log before any answer leaves.</summary>
    public long Begin(Func<long, LoggedRequest> create)
    {
        lock (_gate)
        {
            var entry = create(++_sequence);
            if (_count == 0) _oldestSequence = entry.Sequence;
            while (_count > 0 && (_count == _ring.Length || _bodyChars + (entry.Body?.Length ?? 0) > BodyBudget)) DropOldest();
            _ring[(_oldest + _count) % _ring.Length] = entry;
            _count++;
            _bodyChars += entry.Body?.Length ?? 0;
            return entry.Sequence;
        }
    }

    /// <summary>Records the answer's status; the entry may be gone if the log was cleared (or it was dropped) meanwhile.</summary>
    public void Complete(long sequence, int status, bool faulted, bool rateLimited = false)
    {
        lock (_gate)
        {
            var offset = sequence - _oldestSequence;
            if (offset < 0 || offset >= _count) return;
            var at = (int)((_oldest + offset) % _ring.Length);
            _ring[at] = _ring[at]! with { Status = status, Faulted = faulted, RateLimited = rateLimited };
        }
    }

    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        lock (_gate) return Entries();
    }

    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring, 0, _ring.Length);
            _oldest = 0;
            _count = 0;
            _oldestSequence = _sequence + 1;
            _bodyChars = 0;
            _dropped = 0;
        }
    }

    /// <summary>Counts without copying the log: entries kept, dropped, and kept entries by status.</summary>
    public JsonObject Summary()
    {
        lock (_gate)
        {
            var statuses = new SortedDictionary<int, int>();
            var rateLimited = 0;
            for (var i = 0; i < _count; i++)
            {
                var entry = _ring[(_oldest + i) % _ring.Length]!;
                statuses[entry.Status] = statuses.TryGetValue(entry.Status, out var n) ? n + 1 : 1;
                if (entry.RateLimited) rateLimited++;
            }

            var byStatus = new JsonObject();
            foreach (var (status, count) in statuses) byStatus[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = count;
            return new JsonObject
            {
                ["logged"] = _count,
                ["dropped"] = _dropped,
                ["capacity"] = _ring.Length,
                ["rateLimited"] = rateLimited,
                ["statuses"] = byStatus,
            };
        }
    }

    // Under the lock.
    private List<LoggedRequest> Entries()
    {
        var entries = new List<LoggedRequest>(_count);
        for (var i = 0; i < _count; i++) entries.Add(_ring[(_oldest + i) % _ring.Length]!);
        return entries;
    }

    // Under the lock.
    private void DropOldest()
    {
        _bodyChars -= _ring[_oldest]!.Body?.Length ?? 0;
        _ring[_oldest] = null;
        _oldest = (_oldest + 1) % _ring.Length;
        _count--;
        _oldestSequence++;
        _dropped++;
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
                ["rateLimited"] = e.RateLimited,
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
            state.Requests.Complete(sequence, context.Response.StatusCode, context.Items.ContainsKey(FaultInjectionMiddleware.FaultedKey),
                context.Items.ContainsKey(RateLimitMiddleware.RateLimitedKey));
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
