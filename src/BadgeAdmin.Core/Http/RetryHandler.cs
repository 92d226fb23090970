using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Diagnostics;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Retries what is safe to retry, enforces the per-attempt timeout and buffers each body inside that timeout.
/// Retryable: connection failures, 408, 429, 500, 502, 503, 504. A non-idempotent request (create, grant) is retried
/// only on 429 or when the connection failed before the request left, so a change is never applied twice.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly int _maxRetries;
    private readonly TimeSpan _timeout;
    private readonly RetryGate _gate;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public RetryHandler(int maxRetries, TimeSpan timeout, RetryGate gate, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        _maxRetries = maxRetries;
        _timeout = timeout;
        _gate = gate;
        _delay = delay ?? Task.Delay;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var intent = request.GetIntent();
        var path = request.RequestUri?.PathAndQuery ?? string.Empty;
        for (var retry = 0; ; retry++)
        {
            await _gate.WaitAsync(_delay, cancellationToken).ConfigureAwait(false);

            HttpResponseMessage? response = null;
            ApiException? failure = null;
            var requestMayHaveArrived = true;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(_timeout);
                try
                {
                    response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                    // A streamed body is read later, by the caller, under its own read timeout (JsonApiClient).
                    if (!request.IsStreamed()) await BufferBodyAsync(response, attempt.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested)
                {
                    response?.Dispose();
                    throw new OperationCanceledException("The request was cancelled.", ex, cancellationToken);
                }
                catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException or ObjectDisposedException)
                {
                    response?.Dispose();
                    response = null;
                    if (attempt.IsCancellationRequested)
                    {
                        failure = new ApiException(ApiFailureKind.Timeout,
                            $"{request.Method} {path} timed out after {FormatSeconds(_timeout)}.", request.Method.Method, path, innerException: ex);
                    }
                    else
                    {
                        requestMayHaveArrived = !FailedBeforeSending(ex);
                        failure = new ApiException(ApiFailureKind.ConnectionFailed,
                            $"{request.Method} {path} failed: the connection {(requestMayHaveArrived ? "dropped" : "could not be opened")} ({Innermost(ex).Message}).",
                            request.Method.Method, path, innerException: ex);
                    }
                }
            }

            TimeSpan wait;
            string reason;
            if (response is not null)
            {
                var status = (int)response.StatusCode;
                if (!IsRetryableStatus(status) || retry >= _maxRetries || ServerSaysNoRetry(response)) return response;
                if (intent == RequestIntent.NotIdempotent && status != 429) return response;

                var asked = RetryDelay.FromServer(response, DateTimeOffset.UtcNow);
                if (asked > RetryDelay.MaxServerDelay) return response;
                wait = asked ?? RetryDelay.Backoff(retry);
                reason = $"answered {status} {response.ReasonPhrase}".TrimEnd();
                response.Dispose();
                if (status == 429)
                {
                    // A rate limit pauses every request of the connection; the gate at the top of the loop does the waiting.
                    _gate.PauseFor(wait);
                    Notify(request, path, reason, wait, retry);
                    continue;
                }
            }
            else
            {
                var safeToRepeat = intent == RequestIntent.Idempotent || !requestMayHaveArrived;
                if (!safeToRepeat || retry >= _maxRetries) throw failure!;
                wait = RetryDelay.Backoff(retry);
                reason = failure!.Kind == ApiFailureKind.Timeout ? $"timed out after {FormatSeconds(_timeout)}" : "lost its connection";
            }

            Notify(request, path, reason, wait, retry);
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Notify(HttpRequestMessage request, string path, string reason, TimeSpan wait, int retry) =>
        RequestObserverScope.Current?.Retrying($"{request.Method} {path} {reason}; retrying in {FormatSeconds(wait)} (retry {retry + 1} of {_maxRetries}).");

    public static bool IsRetryableStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    // The official SDK honours this header; a server can use it to veto or force a retry.
    private static bool ServerSaysNoRetry(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-should-retry", out var values)
        && string.Equals(System.Linq.Enumerable.FirstOrDefault(values), "false", StringComparison.OrdinalIgnoreCase);

    private static async Task BufferBodyAsync(HttpResponseMessage response, CancellationToken attemptToken)
    {
        // LoadIntoBufferAsync takes no token on netstandard2.0: disposing the response is what aborts a stalled body.
        using (attemptToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
        {
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        attemptToken.ThrowIfCancellationRequested();
    }

    /// <summary>True when the failure certainly happened before any byte of the request reached the server.</summary>
    internal static bool FailedBeforeSending(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable;
            }

            if (e is WebException web && web.Status is WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null) exception = exception.InnerException;
        return exception;
    }

    internal static string FormatSeconds(TimeSpan span) =>
        span.TotalSeconds.ToString(span.TotalSeconds >= 10 || span.TotalSeconds == Math.Floor(span.TotalSeconds) ? "0" : "0.0", CultureInfo.InvariantCulture) + " s";
}
