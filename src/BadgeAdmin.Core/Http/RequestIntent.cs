using System.Net.Http;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Whether sending a request twice could apply a change twice. The retry handler reads it to decide which failures
/// it may retry: a create or a grant is retried only when the server certainly did not act on it.
/// </summary>
public enum RequestIntent
{
    /// <summary>Reads, updates and deletes: repeating them leaves the same state.</summary>
    Idempotent,
    /// <summary>Creates and grants: a repeat after the server acted would duplicate the change.</summary>
    NotIdempotent,
}

/// <summary>What the handlers and the client tell each other about one request, kept on the request itself.</summary>
internal static class RequestProperties
{
    private const string Key = "BadgeAdmin.RequestIntent";
    private const string StreamedKey = "BadgeAdmin.Streamed";
    private const string WaitNoteKey = "BadgeAdmin.WaitNote";

#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<RequestIntent> IntentOption = new(Key);
    private static readonly HttpRequestOptionsKey<bool> StreamedOption = new(StreamedKey);
    private static readonly HttpRequestOptionsKey<string> WaitNoteOption = new(WaitNoteKey);

    /// <summary>Why the retry handler gave up waiting for a retry the server asked for, for the failure message.</summary>
    public static void SetWaitNote(this HttpRequestMessage request, string note) => request.Options.Set(WaitNoteOption, note);

    public static string? GetWaitNote(this HttpRequestMessage request) => request.Options.TryGetValue(WaitNoteOption, out var note) ? note : null;

    public static void SetIntent(this HttpRequestMessage request, RequestIntent intent) => request.Options.Set(IntentOption, intent);

    public static RequestIntent GetIntent(this HttpRequestMessage request) =>
        request.Options.TryGetValue(IntentOption, out var intent) ? intent : RequestIntent.Idempotent;

    /// <summary>The body will be read straight from the network by the caller: the retry handler must not buffer it.</summary>
    public static void SetStreamed(this HttpRequestMessage request) => request.Options.Set(StreamedOption, true);

    public static bool IsStreamed(this HttpRequestMessage request) => request.Options.TryGetValue(StreamedOption, out _);
#else

    public static void SetWaitNote(this HttpRequestMessage request, string note) => request.Properties[WaitNoteKey] = note;

    public static string? GetWaitNote(this HttpRequestMessage request) =>
        request.Properties.TryGetValue(WaitNoteKey, out var value) ? value as string : null;

    public static void SetIntent(this HttpRequestMessage request, RequestIntent intent) => request.Properties[Key] = intent;

    public static RequestIntent GetIntent(this HttpRequestMessage request) =>
        request.Properties.TryGetValue(Key, out var value) && value is RequestIntent intent ? intent : RequestIntent.Idempotent;

    /// <summary>The body will be read straight from the network by the caller: the retry handler must not buffer it.</summary>
    public static void SetStreamed(this HttpRequestMessage request) => request.Properties[StreamedKey] = true;

    public static bool IsStreamed(this HttpRequestMessage request) => request.Properties.ContainsKey(StreamedKey);
#endif
}
