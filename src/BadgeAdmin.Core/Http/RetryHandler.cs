using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Diagnostics;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Retries what is safe to retry, enforces the per-attempt timeout and reads each body inside it, within the size limit.
/// Retryable: connection failures, 408, 429, 500, 502, 503, 504. A non-idempotent request (create, grant) is retried
/// only on 429 or when the connection failed before the request left, so a change is never applied twice.
/// A rate limit (429), or any retryable status whose server says how long to wait, is retried for as long as the waits
/// fit the request's wait budget; the other failures up to MaxRetries times, within the same budget. A wait the server
/// asks for beyond the budget, or one that cannot be read, is reported instead of waited.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly int _maxRetries;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _maxRetryWait;
    private readonly long _maxResponseBytes;
    private readonly RateLimitThrottle _throttle;
    private readonly SecretRedactor _redactor;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public RetryHandler(ConnectionSettings settings, RateLimitThrottle throttle, SecretRedactor redactor)
    {
        _maxRetries = settings.MaxRetries;
        _timeout = settings.Timeout;
        _maxRetryWait = settings.MaxRetryWait;
        _maxResponseBytes = settings.MaxResponseBytes;
        _throttle = throttle;
        _redactor = redactor;
        _delay = settings.DelayOverride ?? Task.Delay;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var intent = request.GetIntent();
        var path = request.RequestUri?.PathAndQuery ?? string.Empty;
        var retries = 0; // retries for anything but a rate limit: at most MaxRetries
        var budgetedRetries = 0;
        var waited = TimeSpan.Zero;
        while (true)
        {
            HttpResponseMessage? response = null;
            ApiException? failure = null;
            var requestMayHaveArrived = true;
            using (await _throttle.EnterAsync(cancellationToken).ConfigureAwait(false))
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(_timeout);
                try
                {
                    response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                    // A streamed 2xx body is read later, by the caller, under its own read timeout (JsonApiClient);
                    // every other body is read here, so the attempt's timeout and the size limit cover it.
                    if (!request.IsStreamed() || !response.IsSuccessStatusCode)
                    {
                        await ResponseBody.BufferAsync(response, _maxResponseBytes, attempt.Token).ConfigureAwait(false);
                    }
                }
                catch (ApiException)
                {
                    response?.Dispose(); // a body over the size limit: sending again would fetch it again
                    throw;
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested)
                {
                    response?.Dispose();
                    throw new OperationCanceledException("The request was cancelled.", _redactor.RedactChain(ex), cancellationToken);
                }
                catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException or ObjectDisposedException)
                {
                    response?.Dispose();
                    response = null;
                    failure = Failure(request, path, ex, attempt.IsCancellationRequested, out requestMayHaveArrived);
                }

                if (response is not null)
                {
                    if (response.StatusCode == (HttpStatusCode)429) _throttle.RateLimited();
                    else _throttle.Succeeded();
                }
            }

            TimeSpan wait;
            string reason;
            var budgeted = false; // retried within the wait budget, not counted against MaxRetries
            if (response is not null)
            {
                var status = (int)response.StatusCode;
                if (!IsRetryableStatus(status) || _maxRetries == 0 || ServerSaysNoRetry(response)) return response;
                if (intent == RequestIntent.NotIdempotent && status != 429) return response;

                var asked = RetryDelay.FromServer(response, DateTimeOffset.UtcNow);
                if (asked == RetryDelay.Unusable)
                {
                    request.SetWaitNote($"The server asked for a wait that cannot be honoured ({_redactor.Redact(RetryDelay.StatedWait(response))}), so it was not waited.");
                    return response;
                }

                // A rate limit, or a server that says how long to wait, is waited for as long as the budget allows.
                budgeted = status == 429 || asked is not null;
                if (!budgeted && retries >= _maxRetries) return response;
                wait = asked ?? RetryDelay.Backoff(budgeted ? budgetedRetries : retries);
                if (waited + Charged(wait, budgeted) > _maxRetryWait)
                {
                    request.SetWaitNote(asked is { } stated
                        ? $"The server asked to wait {FormatSeconds(stated)}, which{(waited > TimeSpan.Zero ? $" after {FormatSeconds(waited)} of waiting" : string.Empty)} is over the {FormatSeconds(_maxRetryWait)} retry wait budget (-MaxRetryWaitSec), so it was not waited."
                        : $"It waited {FormatSeconds(waited)} in all, the retry wait budget (-MaxRetryWaitSec {FormatSeconds(_maxRetryWait)}).");
                    return response;
                }

                reason = $"answered {status} {ApiErrorBody.Printable(response.ReasonPhrase ?? string.Empty)}".TrimEnd();
                response.Dispose();
            }
            else
            {
                var safeToRepeat = (intent == RequestIntent.Idempotent || !requestMayHaveArrived) && failure!.Kind != ApiFailureKind.CertificateRejected;
                if (!safeToRepeat || retries >= _maxRetries) throw failure!;
                wait = RetryDelay.Backoff(retries);
                if (waited + wait > _maxRetryWait) throw failure!;
                reason = failure!.Kind == ApiFailureKind.Timeout ? $"timed out after {FormatSeconds(_timeout)}" : "lost its connection";
            }

            waited += Charged(wait, budgeted);
            var count = budgeted
                ? $"retry {budgetedRetries + 1}; {FormatSeconds(waited)} of the {FormatSeconds(_maxRetryWait)} wait budget used"
                : $"retry {retries + 1} of {_maxRetries}";
            RequestObserverScope.Current?.Retrying($"{request.Method} {path} {reason}; retrying in {FormatSeconds(wait)} ({count}).");
            if (budgeted) budgetedRetries++;
            else retries++;
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What a wait costs the budget. A budgeted retry counts at least the first backoff, so a server answering 429
    /// (or 503 with Retry-After: 0) with no wait cannot keep one request going for ever.
    /// </summary>
    private static TimeSpan Charged(TimeSpan wait, bool budgeted) =>
        budgeted && wait < RetryDelay.InitialBackoff ? RetryDelay.InitialBackoff : wait;

    private ApiException Failure(HttpRequestMessage request, string path, Exception ex, bool timedOut, out bool requestMayHaveArrived)
    {
        requestMayHaveArrived = true;
        var method = request.Method.Method;
        var inner = _redactor.RedactChain(ex);
        if (timedOut)
        {
            return new ApiException(ApiFailureKind.Timeout, $"{method} {path} timed out after {FormatSeconds(_timeout)}.", method, path, innerException: inner);
        }

        var detail = _redactor.Redact(ApiErrorBody.Printable(Innermost(ex).Message));
        if (Find<AuthenticationException>(ex) is not null)
        {
            // Trying again would meet the same certificate: this needs a person, not a retry.
            return new ApiException(ApiFailureKind.CertificateRejected,
                $"{method} {path} failed: the server's TLS certificate was refused ({detail}).", method, path, innerException: inner);
        }

        requestMayHaveArrived = !FailedBeforeSending(ex);
        return new ApiException(ApiFailureKind.ConnectionFailed,
            $"{method} {path} failed: the connection {(requestMayHaveArrived ? "dropped" : "could not be opened")} ({detail}).", method, path, innerException: inner);
    }

    public static bool IsRetryableStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    // The official SDK honours this header; a server can use it to veto or force a retry.
    private static bool ServerSaysNoRetry(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-should-retry", out var values)
        && string.Equals(System.Linq.Enumerable.FirstOrDefault(values), "false", StringComparison.OrdinalIgnoreCase);

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

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null) exception = exception.InnerException;
        return exception;
    }

    internal static string FormatSeconds(TimeSpan span) =>
        span.TotalSeconds.ToString(span.TotalSeconds >= 10 || span.TotalSeconds == Math.Floor(span.TotalSeconds) ? "0" : "0.0", CultureInfo.InvariantCulture) + " s";
}
