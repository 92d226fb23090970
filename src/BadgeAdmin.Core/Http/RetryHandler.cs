using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Diagnostics;
using BadgeAdmin.Core.Pacing;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Retries what is safe to retry, enforces the per-attempt timeout and reads each body inside it, within the size limit.
/// Retryable: connection failures, 408, 429, 500, 502, 503, 504. A non-idempotent request (create, grant) is retried
/// only on 429 or when the connection failed before the request left, so a change is never applied twice. How often
/// and how long each retry waits is <see cref="RetryAllowance"/>'s to say; every attempt first takes its turn from the
/// connection's <see cref="SendRatePacer"/>, which learns from the 429s how fast the server lets requests in.
/// A wait the server asks for beyond the budget, or one that cannot be read, is reported instead of waited.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly int _maxRetries;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _maxRetryWait;
    private readonly long _maxResponseBytes;
    private readonly SendRatePacer _pacer;
    private readonly SecretRedactor _redactor;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public RetryHandler(ConnectionSettings settings, SendRatePacer pacer, SecretRedactor redactor)
    {
        _maxRetries = settings.MaxRetries;
        _timeout = settings.Timeout;
        _maxRetryWait = settings.MaxRetryWait;
        _maxResponseBytes = settings.MaxResponseBytes;
        _pacer = pacer;
        _redactor = redactor;
        _delay = settings.DelayOverride ?? Task.Delay;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var intent = request.GetIntent();
        var path = request.RequestUri?.PathAndQuery ?? string.Empty;
        var allowance = new RetryAllowance(_maxRetries, _maxRetryWait);
        while (true)
        {
            HttpResponseMessage? response = null;
            ApiException? failure = null;
            var problem = ConnectionProblem.Dropped;
            var generation = await _pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
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
                    failure = Failure(request, path, ex, attempt.IsCancellationRequested, out problem);
                }
            }

            if (response is not null) _pacer.Answered(generation, response.StatusCode == (HttpStatusCode)429);

            TimeSpan wait;
            string reason;
            var counted = true; // against MaxRetries: everything but a rate limit
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

                if (allowance.ForStatus(status, asked, out var refusal) is not { } next)
                {
                    if (refusal is not null) request.SetWaitNote(refusal);
                    else if (allowance.Retries > 0) request.SetWaitNote($"It was sent {allowance.Retries + 1} times in all (-MaxRetries {_maxRetries}).");
                    return response;
                }

                wait = next;
                counted = status != 429;
                reason = $"answered {status} {ApiErrorBody.Printable(response.ReasonPhrase ?? string.Empty)}".TrimEnd();
                response.Dispose();
            }
            else
            {
                var timedOut = failure!.Kind == ApiFailureKind.Timeout;
                var safeToRepeat = (intent == RequestIntent.Idempotent || (!timedOut && ConnectionDiagnosis.NothingWasSent(problem)))
                                   && failure.Kind is not (ApiFailureKind.CertificateRejected or ApiFailureKind.NotTls);
                if (!safeToRepeat || _maxRetries == 0) throw failure;
                if ((timedOut ? allowance.ForStatus(408, null, out _) : allowance.ForConnection(problem)) is not { } next) throw failure;
                wait = next;
                reason = timedOut ? $"timed out after {FormatSeconds(_timeout)}"
                    : problem == ConnectionProblem.Refused ? $"could not connect to {ConnectionDiagnosis.Origin(request.RequestUri)} (connection refused)"
                    : problem == ConnectionProblem.NotOpened ? $"could not connect to {ConnectionDiagnosis.Origin(request.RequestUri)}"
                    : "lost its connection";
            }

            allowance.Spend(wait, counted);
            var most = response is null && problem == ConnectionProblem.Refused ? Math.Min(_maxRetries, RetryAllowance.RefusedRetries) : _maxRetries;
            var count = counted
                ? $"retry {allowance.CountedRetries} of {most}"
                : $"retry {allowance.Retries}; {FormatSeconds(allowance.Waited)} of the {FormatSeconds(_maxRetryWait)} wait budget used";
            RequestObserverScope.Current?.Retrying($"{request.Method} {path} {reason}; retrying in {FormatSeconds(wait)} ({count}).");
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private ApiException Failure(HttpRequestMessage request, string path, Exception ex, bool timedOut, out ConnectionProblem problem)
    {
        problem = ConnectionProblem.Dropped;
        var method = request.Method.Method;
        var inner = _redactor.RedactChain(ex);
        if (timedOut)
        {
            return new ApiException(ApiFailureKind.Timeout, $"{method} {path} timed out after {FormatSeconds(_timeout)}.", method, path, innerException: inner);
        }

        var detail = _redactor.Redact(ApiErrorBody.Printable(Innermost(ex).Message));
        var origin = ConnectionDiagnosis.Origin(request.RequestUri);
        if (Find<AuthenticationException>(ex) is not null && !MentionsCertificate(ex))
        {
            // A handshake answered with something that is not TLS ("cannot determine the frame size"): most often an
            // https:// address whose port serves plain http. Trying again meets the same server.
            return new ApiException(ApiFailureKind.NotTls,
                $"{method} {path} at {origin} failed: the server there did not answer in TLS; is it an http:// address? ({detail}) Nothing was sent.", method, path, innerException: inner);
        }

        if (Find<AuthenticationException>(ex) is not null)
        {
            // Trying again would meet the same certificate: this needs a person, not a retry.
            return new ApiException(ApiFailureKind.CertificateRejected,
                $"{method} {path} at {origin} failed: the server's TLS certificate was refused ({detail}).", method, path, innerException: inner);
        }

        problem = ConnectionDiagnosis.Diagnose(ex);
        var what = problem switch
        {
            ConnectionProblem.Unresolvable => $"the host name {request.RequestUri?.Host} could not be resolved ({detail}); nothing was sent",
            ConnectionProblem.Dropped => $"the connection dropped ({detail})",
            _ => $"the connection could not be opened ({detail})",
        };
        return new ApiException(ApiFailureKind.ConnectionFailed, $"{method} {path} at {origin} failed: {what}.", method, path, innerException: inner);
    }

    public static bool IsRetryableStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    // The official SDK honours this header; a server can use it to veto or force a retry.
    private static bool ServerSaysNoRetry(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-should-retry", out var values)
        && string.Equals(System.Linq.Enumerable.FirstOrDefault(values), "false", StringComparison.OrdinalIgnoreCase);

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }

        return null;
    }

    private static bool MentionsCertificate(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0) return true;
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null) exception = exception.InnerException;
        return exception;
    }

    /// <summary>Seconds to a tenth, as the warnings and messages show them ("0.4 s", "12.8 s", "60 s").</summary>
    internal static string FormatSeconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
