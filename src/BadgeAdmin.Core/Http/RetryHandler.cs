using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Diagnostics;
using BadgeAdmin.Core.Pacing;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Decides whether and when to send a request again, and enforces the per-attempt timeout, inside which
/// <see cref="ResponseBodyReader"/> reads the body. Retryable: connection failures, 408, 429, 500, 502, 503, 504.
/// A non-idempotent request (create, grant) is retried only on 429 or when the connection failed before the request
/// left, so a change is never applied twice. How often
/// and how long each retry waits is <see cref="RetryAllowance"/>'s to say; every attempt first takes its turn from the
/// connection's <see cref="SendRatePacer"/>, which learns from the 429s how fast the server lets requests in.
/// A wait the server asks for beyond the budget, or one that cannot be read, is reported instead of waited (a
/// <see cref="StopNote"/> on the request, which the failure's message ends with); retry waits are waited on the pacer's
/// clock.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly int _maxRetries;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _maxRetryWait;
    private readonly SendRatePacer _pacer;
    private readonly ResponseBodyReader _bodies;
    private readonly SecretRedactor _redactor;

    public RetryHandler(ConnectionSettings settings, SendRatePacer pacer, ResponseBodyReader bodies, SecretRedactor redactor)
    {
        _maxRetries = settings.MaxRetries;
        _timeout = settings.Timeout;
        _maxRetryWait = settings.MaxRetryWait;
        _pacer = pacer;
        _bodies = bodies;
        _redactor = redactor;
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
                    // Read inside the attempt, so its timeout covers the body (unless the caller reads it as it streams).
                    await _bodies.ReadWithinAttemptAsync(request, response, attempt.Token).ConfigureAwait(false);
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
                    failure = ConnectionDiagnosis.Failure(request, ex, attempt.IsCancellationRequested ? _timeout : null, _redactor, out problem);
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
                    request.SetRetryStop(StopNote.UnusableWait(_redactor.Redact(RetryDelay.StatedWait(response))));
                    return response;
                }

                if (allowance.ForStatus(status, asked, out var refusal) is not { } next)
                {
                    if (refusal is not null) request.SetRetryStop(refusal);
                    else if (allowance.Retries > 0) request.SetRetryStop(StopNote.RetriesUsed(allowance.Retries + 1, _maxRetries));
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
                reason = timedOut ? $"timed out after {SecondsText.Format(_timeout)}"
                    : problem == ConnectionProblem.Refused ? $"could not connect to {ConnectionDiagnosis.Origin(request.RequestUri)} (connection refused)"
                    : problem == ConnectionProblem.NotOpened ? $"could not connect to {ConnectionDiagnosis.Origin(request.RequestUri)}"
                    : "lost its connection";
            }

            allowance.Spend(wait, counted);
            var most = response is null && problem == ConnectionProblem.Refused ? Math.Min(_maxRetries, RetryAllowance.RefusedRetries) : _maxRetries;
            var count = counted
                ? $"retry {allowance.CountedRetries} of {most}"
                : $"retry {allowance.Retries}; {SecondsText.Format(allowance.Waited)} of the {SecondsText.Format(_maxRetryWait)} wait budget used";
            RequestObserverScope.Current?.Retrying($"{request.Method} {path} {reason}; retrying in {SecondsText.Format(wait)} ({count}).");
            await _pacer.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    public static bool IsRetryableStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    // The official SDK honours this header; a server can use it to veto or force a retry.
    private static bool ServerSaysNoRetry(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-should-retry", out var values)
        && string.Equals(System.Linq.Enumerable.FirstOrDefault(values), "false", StringComparison.OrdinalIgnoreCase);
}
