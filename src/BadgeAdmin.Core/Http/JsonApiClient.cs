using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Diagnostics;
using BadgeAdmin.Core.Pacing;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// The request/response mechanics both service clients share: build the request, send it through the connection's
/// pipeline, turn failures into <see cref="ApiException"/>, and read JSON bodies with source-generated metadata.
/// </summary>
internal sealed class JsonApiClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly SecretRedactor _redactor;

    private readonly TimeSpan _timeout;
    private readonly long _maxResponseBytes;

    public JsonApiClient(ConnectionSettings settings, SendRatePacer? pacer = null)
    {
        _redactor = new SecretRedactor(settings.ApiKey);
        Pacer = pacer ?? new SendRatePacer();
        _http = HttpPipeline.Create(settings, _redactor, Pacer);
        BaseUri = settings.BaseUri;
        _timeout = settings.Timeout;
        _maxResponseBytes = settings.MaxResponseBytes;
    }

    public Uri BaseUri { get; }

    /// <summary>Paces every request of this client (and of any other client given the same pacer).</summary>
    public SendRatePacer Pacer { get; }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathOrUri, HttpContent? content, RequestIntent intent, CancellationToken cancellationToken, bool streamed = false)
    {
        using var request = new HttpRequestMessage(method, pathOrUri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.SetIntent(intent);
        if (streamed) request.SetStreamed();
        var completion = streamed ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
        var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw await FailureAsync(request, response).ConfigureAwait(false);
        }
    }

    public Task<HttpResponseMessage> SendJsonAsync<TBody>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, RequestIntent intent, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.ContentType = JsonMediaType;
        return SendAsync(method, path, content, intent, cancellationToken);
    }

    /// <summary>Reads a 2xx JSON body. Anything unreadable becomes an <see cref="ApiFailureKind.InvalidResponse"/> error with an excerpt.</summary>
    public async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type)
        where T : class
    {
        var body = await ReadBodyAsync(response).ConfigureAwait(false);
        return body.Deserialize(type);
    }

    /// <summary>Reads a 2xx body that must be JSON: refuses an empty body or a non-JSON content type.</summary>
    public async Task<JsonBody> ReadBodyAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var body = new JsonBody(bytes, response, this);
        if (body.FirstToken == '\0') throw body.Invalid("an empty body where JSON was expected");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJsonMediaType(mediaType)) throw body.Invalid($"content type '{mediaType}' instead of JSON");
        return body;
    }

    /// <summary>
    /// Deserializes a 2xx body straight from the network (a request sent with <c>streamed: true</c>): no buffered copy,
    /// one page of objects at a time. The read has the connection's per-attempt timeout; every failure is an
    /// <see cref="ApiException"/> quoting the start of the body.
    /// </summary>
    public async Task<T> ReadStreamedAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        read.CancelAfter(_timeout);
        ExcerptRecordingStream? stream = null;
        try
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !IsJsonMediaType(mediaType))
            {
                throw Invalid(response, $"content type '{mediaType}' instead of JSON", await ResponseBody.ReadStartAsync(response, 1024, read.Token).ConfigureAwait(false));
            }

            if (response.Content.Headers.ContentLength is { } declared && declared > _maxResponseBytes) throw ResponseBody.TooLarge(response, _maxResponseBytes);

            // Some transports (netstandard2.0) ignore the token on a read: disposing the response is what aborts it there.
            using var abort = read.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
            stream = new ExcerptRecordingStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), _maxResponseBytes);
            return await JsonSerializer.DeserializeAsync(stream, type, read.Token).ConfigureAwait(false)
                   ?? throw Invalid(response, "a null body where JSON was expected", stream.Start);
        }
        catch (ExcerptRecordingStream.LimitReachedException)
        {
            throw ResponseBody.TooLarge(response, _maxResponseBytes);
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
            throw new ApiException(ApiFailureKind.Timeout, $"{method} {path} timed out after {RetryHandler.FormatSeconds(_timeout)} reading the body.", method, path, response.StatusCode, innerException: _redactor.RedactChain(ex));
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

    private static (string Method, string Path) Describe(HttpResponseMessage response) =>
        (response.RequestMessage?.Method.Method ?? "?", response.RequestMessage?.RequestUri?.PathAndQuery ?? "?");

    private async Task<ApiException> FailureAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var serverMessage = ApiErrorBody.ServerMessage(body);
        serverMessage = serverMessage is null ? null : _redactor.Redact(serverMessage);
        var excerpt = serverMessage is null && body.Length > 0 ? _redactor.Redact(ApiErrorBody.Excerpt(body)) : null;
        var kind = status switch
        {
            400 or 422 => ApiFailureKind.BadRequest,
            401 => ApiFailureKind.Unauthorized,
            403 => ApiFailureKind.Forbidden,
            404 => ApiFailureKind.NotFound,
            408 => ApiFailureKind.Timeout, // the server's own "request timeout", after the retries
            409 => ApiFailureKind.Conflict,
            429 => ApiFailureKind.RateLimited,
            >= 500 => ApiFailureKind.ServerError,
            _ => ApiFailureKind.UnexpectedStatus,
        };
        var path = request.RequestUri?.PathAndQuery ?? string.Empty;
        var said = serverMessage ?? excerpt;
        var message = $"{request.Method} {path} failed with {status} {ApiErrorBody.Printable(response.ReasonPhrase ?? string.Empty)}".TrimEnd()
                      + (string.IsNullOrEmpty(said) ? "." : $": {said}");
        if (request.GetWaitNote() is { } note)
        {
            message += " " + note;
        }
        else if (kind == ApiFailureKind.RateLimited && RetryDelay.FromServer(response, DateTimeOffset.UtcNow) is { } wait && wait != RetryDelay.Unusable)
        {
            message += $" The server asked to wait {RetryHandler.FormatSeconds(wait)}.";
        }

        return new ApiException(kind, message, request.Method.Method, path, (HttpStatusCode)status, serverMessage, excerpt);
    }

    private static bool IsJsonMediaType(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _http.Dispose();
}
