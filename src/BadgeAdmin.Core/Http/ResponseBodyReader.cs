using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Diagnostics;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// The one owner of a connection's response bodies: every read, logged or not, buffered or streamed, goes through here,
/// under a token (the attempt's timeout linked to Ctrl+C, or for a streamed body a read timeout of its own) and within
/// the connection's size limit, so a server that stalls, trickles or never stops sending can neither hang a call nor
/// exhaust memory. It also words every failure to read a 2xx body (InvalidResponse, with a redacted excerpt).
/// <para>
/// A body is buffered inside the attempt that fetched it (by the retry handler, or earlier by the logging handler when
/// -Debug shows it), unless the request was sent streamed and answered 2xx: then the caller reads it as it arrives.
/// </para>
/// </summary>
internal sealed class ResponseBodyReader
{
    private const int ChunkSize = 81920;
    private const int ExcerptBytes = 1024;
    private readonly long _limit;
    private readonly TimeSpan _readTimeout;
    private readonly SecretRedactor _redactor;

    public ResponseBodyReader(ConnectionSettings settings, SecretRedactor redactor)
    {
        _limit = settings.MaxResponseBytes;
        _readTimeout = settings.Timeout;
        _redactor = redactor;
    }

    /// <summary>Marks a request whose 2xx body its caller will read straight from the network (<see cref="ReadStreamedAsync"/>).</summary>
    public static void LeaveStreaming(HttpRequestMessage request) => request.SetStreamed();

    /// <summary>True when the body is the caller's to read as it streams: a streamed request answered 2xx.</summary>
    public static bool IsLeftStreaming(HttpRequestMessage request, HttpResponseMessage response) =>
        response.IsSuccessStatusCode && request.IsStreamed();

    /// <summary>
    /// Buffers the body inside the attempt (<paramref name="attemptToken"/>), unless it is left streaming or already
    /// buffered. Throws an <see cref="ApiFailureKind.InvalidResponse"/> error when the body is over the limit, and an
    /// <see cref="OperationCanceledException"/> (or the transport's exception) when the token fires first.
    /// </summary>
    public async Task ReadWithinAttemptAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken attemptToken)
    {
        if (IsLeftStreaming(request, response) || response.Content is null or BufferedContent) return;
        var network = response.Content;
        if (network.Headers.ContentLength is { } declared && declared > _limit) throw TooLarge(response);

        // Some transports (netstandard2.0) ignore the token on a read: disposing the response is what aborts it there.
        using (attemptToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
        {
#if NET5_0_OR_GREATER
            using var stream = await network.ReadAsStreamAsync(attemptToken).ConfigureAwait(false);
#else
            using var stream = await network.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            var initial = network.Headers.ContentLength is { } length ? (int)Math.Min(length, Math.Min(_limit, ChunkSize * 16)) : 0;
            var bytes = new MemoryStream(initial);
            var chunk = new byte[ChunkSize];
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, attemptToken).ConfigureAwait(false)) > 0)
            {
                if (bytes.Length + read > _limit) throw TooLarge(response);
                bytes.Write(chunk, 0, read);
            }

            attemptToken.ThrowIfCancellationRequested();
            response.Content = new BufferedContent(bytes.GetBuffer(), (int)bytes.Length, network.Headers);
        }

        network.Dispose();
    }

    /// <summary>Reads a buffered 2xx body that must be JSON: refuses an empty body or a non-JSON content type.</summary>
    public async Task<JsonBody> ReadBufferedAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var body = new JsonBody(bytes, response, this);
        if (body.FirstToken == '\0') throw body.Invalid("an empty body where JSON was expected");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJsonMediaType(mediaType)) throw body.Invalid($"content type '{mediaType}' instead of JSON");
        return body;
    }

    /// <summary>
    /// Deserializes a 2xx body straight from the network (a request left streaming): no buffered copy, one page of
    /// objects at a time. The read has the connection's per-attempt timeout; every failure is an
    /// <see cref="ApiException"/> quoting the start of the body.
    /// </summary>
    public async Task<T> ReadStreamedAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        read.CancelAfter(_readTimeout);
        ExcerptRecordingStream? stream = null;
        try
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !IsJsonMediaType(mediaType))
            {
                throw Invalid(response, $"content type '{mediaType}' instead of JSON", await ReadStartAsync(response, read.Token).ConfigureAwait(false));
            }

            if (response.Content.Headers.ContentLength is { } declared && declared > _limit) throw TooLarge(response);

            // Some transports (netstandard2.0) ignore the token on a read: disposing the response is what aborts it there.
            using var abort = read.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
            stream = new ExcerptRecordingStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), _limit, () => TooLarge(response));
            return await JsonSerializer.DeserializeAsync(stream, type, read.Token).ConfigureAwait(false)
                   ?? throw Invalid(response, "a null body where JSON was expected", stream.Start);
        }
        catch (JsonException ex)
        {
            var why = stream is null || stream.BytesRead == 0 ? "an empty body where JSON was expected" : $"JSON it could not read (at {ex.Path ?? "$"}, line {(ex.LineNumber ?? 0) + 1})";
            throw Invalid(response, why, stream?.Start, ex);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not ApiException)
        {
            throw new OperationCanceledException("The request was cancelled.", _redactor.RedactChain(ex), cancellationToken);
        }
        catch (Exception ex) when (read.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            var (method, path) = Describe(response);
            throw new ApiException(ApiFailureKind.Timeout, $"{method} {path} timed out after {SecondsText.Format(_readTimeout)} reading the body.", method, path, response.StatusCode, innerException: _redactor.RedactChain(ex));
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException)
        {
            var (method, path) = Describe(response);
            throw new ApiException(ApiFailureKind.ConnectionFailed,
                $"{method} {path} failed: the connection dropped while reading the body ({_redactor.Redact(ApiErrorBody.Printable(ex.Message))}).",
                method, path, response.StatusCode, innerException: _redactor.RedactChain(ex));
        }
        finally
        {
            stream?.Dispose();
        }
    }

    /// <summary>An InvalidResponse error about a 2xx answer, quoting (redacted) the start of its body.</summary>
    public ApiException Invalid(HttpResponseMessage response, string why, string? excerpt = null, Exception? inner = null)
    {
        var (method, path) = Describe(response);
        var shown = excerpt is null ? null : _redactor.Redact(ApiErrorBody.Excerpt(excerpt));
        return new ApiException(ApiFailureKind.InvalidResponse,
            $"{method} {path} answered {(int)response.StatusCode} with {why}" + (shown is null ? "." : $": {shown}"),
            method, path, response.StatusCode, responseExcerpt: shown, innerException: _redactor.RedactChain(inner));
    }

    /// <summary>The error for a body over the connection's limit: an invalid response, which is never retried.</summary>
    private ApiException TooLarge(HttpResponseMessage response)
    {
        var (method, path) = Describe(response);
        return new ApiException(ApiFailureKind.InvalidResponse, string.Empty, method, path, response.StatusCode,
            stop: StopNote.TooLarge(method, path, (int)response.StatusCode, DescribeLimit(_limit)));
    }

    /// <summary>The limit as people say it: "64 MB", or "1,500-byte" when it is not whole megabytes.</summary>
    private static string DescribeLimit(long limit) =>
        limit % (1024 * 1024) == 0
            ? (limit / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB"
            : limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "-byte";

    /// <summary>The start of a body that will not be read whole (a streamed answer of the wrong type).</summary>
    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null) return string.Empty;
        using (cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[ExcerptBytes];
            var total = 0;
            int read;
            while (total < ExcerptBytes && (read = await stream.ReadAsync(buffer, total, ExcerptBytes - total, cancellationToken).ConfigureAwait(false)) > 0) total += read;
            return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
        }
    }

    private static (string Method, string Path) Describe(HttpResponseMessage response) =>
        (response.RequestMessage?.Method.Method ?? "?", response.RequestMessage?.RequestUri?.PathAndQuery ?? "?");

    private static bool IsJsonMediaType(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);
}
