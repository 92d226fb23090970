using System.Net.Http;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// What travels with one request through the handler chain, kept on the request itself: its intent (for the retry
/// handler), whether its body is left streaming (for <see cref="ResponseBodyReader"/>), and why retrying stopped short
/// (from the retry handler, for the failure's message).
/// </summary>
internal static class RequestProperties
{
    private const string IntentKey = "BadgeAdmin.RequestIntent";
    private const string StreamedKey = "BadgeAdmin.Streamed";
    private const string StopKey = "BadgeAdmin.RetryStop";

    public static void SetIntent(this HttpRequestMessage request, RequestIntent intent) => Set(request, IntentKey, intent);

    public static RequestIntent GetIntent(this HttpRequestMessage request) => Get(request, IntentKey) is RequestIntent intent ? intent : RequestIntent.Idempotent;

    public static void SetStreamed(this HttpRequestMessage request) => Set(request, StreamedKey, true);

    public static bool IsStreamed(this HttpRequestMessage request) => Get(request, StreamedKey) is true;

    /// <summary>Why the retry handler gave up on a retryable answer: said at the end of the failure's message.</summary>
    public static void SetRetryStop(this HttpRequestMessage request, StopNote note) => Set(request, StopKey, note);

    public static StopNote? GetRetryStop(this HttpRequestMessage request) => Get(request, StopKey) as StopNote;

#if NET5_0_OR_GREATER
    private static void Set(HttpRequestMessage request, string key, object value) => request.Options.Set(new HttpRequestOptionsKey<object>(key), value);

    private static object? Get(HttpRequestMessage request, string key) =>
        request.Options.TryGetValue(new HttpRequestOptionsKey<object>(key), out var value) ? value : null;
#else
    private static void Set(HttpRequestMessage request, string key, object value) => request.Properties[key] = value;

    private static object? Get(HttpRequestMessage request, string key) => request.Properties.TryGetValue(key, out var value) ? value : null;
#endif
}
