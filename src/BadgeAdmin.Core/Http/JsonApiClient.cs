using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Diagnostics;
using BadgeAdmin.Core.Pacing;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// The request/response mechanics both service clients share: build the request for a route's call (its method from
/// the route), send it through the connection's pipeline, and turn a non-2xx answer into an <see cref="ApiException"/>.
/// Bodies are read by the connection's <see cref="ResponseBodyReader"/> (<see cref="Bodies"/>).
/// </summary>
internal sealed class JsonApiClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly SecretRedactor _redactor;

    public JsonApiClient(ConnectionSettings settings, SendRatePacer? pacer = null)
    {
        _redactor = new SecretRedactor(settings.ApiKey);
        Pacer = pacer ?? new SendRatePacer();
        Bodies = new ResponseBodyReader(settings, _redactor);
        _http = HttpPipeline.Create(settings, _redactor, Pacer, Bodies);
        BaseUri = settings.BaseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>Paces every request of this client (and of any other client given the same pacer).</summary>
    public SendRatePacer Pacer { get; }

    /// <summary>Reads every body of this client: buffered JSON, streamed JSON, and the errors about either.</summary>
    public ResponseBodyReader Bodies { get; }

    /// <summary>
    /// Sends one call of a route with the route's method; a 2xx answer is returned, anything else thrown as an
    /// <see cref="ApiException"/>. With <c>streamed</c> the caller reads a 2xx body as it arrives
    /// (<see cref="ResponseBodyReader.ReadStreamedAsync"/>).
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(RouteCall call, HttpContent? content, RequestIntent intent, CancellationToken cancellationToken, bool streamed = false)
    {
        using var request = new HttpRequestMessage(call.Method, call.PathOrUri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.SetIntent(intent);
        if (streamed) ResponseBodyReader.LeaveStreaming(request);
        var completion = streamed ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
        var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw await FailureAsync(request, response).ConfigureAwait(false);
        }
    }

    public Task<HttpResponseMessage> SendJsonAsync<TBody>(RouteCall call, TBody body, JsonTypeInfo<TBody> bodyType, RequestIntent intent, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.ContentType = JsonMediaType;
        return SendAsync(call, content, intent, cancellationToken);
    }

    /// <summary>Reads a 2xx JSON body. Anything unreadable becomes an <see cref="ApiFailureKind.InvalidResponse"/> error with an excerpt.</summary>
    public async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type)
        where T : class
    {
        var body = await Bodies.ReadBufferedAsync(response).ConfigureAwait(false);
        return body.Deserialize(type);
    }

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
        var stop = request.GetRetryStop();
        if (stop is null && kind == ApiFailureKind.RateLimited && RetryDelay.FromServer(response, DateTimeOffset.UtcNow) is { } wait && wait != RetryDelay.Unusable)
        {
            message += $" The server asked to wait {SecondsText.Format(wait)}.";
        }

        return new ApiException(kind, message, request.Method.Method, path, (HttpStatusCode)status, serverMessage, excerpt, stop: stop);
    }

    public void Dispose() => _http.Dispose();
}
