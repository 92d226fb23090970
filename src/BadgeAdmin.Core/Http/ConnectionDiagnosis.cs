using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using BadgeAdmin.Core.Diagnostics;

namespace BadgeAdmin.Core.Http;

/// <summary>Reads a transport exception for what went wrong with the connection, names the server it was for, and words the error.</summary>
internal static class ConnectionDiagnosis
{
    public static ConnectionProblem Diagnose(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => ConnectionProblem.Unresolvable,
                    SocketError.ConnectionRefused => ConnectionProblem.Refused,
                    SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.AddressNotAvailable => ConnectionProblem.NotOpened,
                    _ => ConnectionProblem.Dropped,
                };
            }

            if (e is WebException web)
            {
                if (web.Status == WebExceptionStatus.NameResolutionFailure) return ConnectionProblem.Unresolvable;
                if (web.Status == WebExceptionStatus.ConnectFailure) return ConnectionProblem.NotOpened;
            }
        }

        return ConnectionProblem.Dropped;
    }

    /// <summary>True when the request certainly never reached the server.</summary>
    public static bool NothingWasSent(ConnectionProblem problem) => problem != ConnectionProblem.Dropped;

    /// <summary>The server as scheme://host:port, the port always shown (https://loyalty.example.com:443).</summary>
    public static string Origin(Uri? uri) =>
        uri is null || !uri.IsAbsoluteUri ? "(unknown server)" : $"{uri.Scheme}://{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The error for an attempt that got no answer: a timeout (when <paramref name="timedOutAfter"/> is given), a TLS
    /// failure, or a connection that could not be opened or dropped; <paramref name="problem"/> says which for the retry rules.
    /// </summary>
    public static ApiException Failure(HttpRequestMessage request, Exception ex, TimeSpan? timedOutAfter, SecretRedactor redactor, out ConnectionProblem problem)
    {
        problem = ConnectionProblem.Dropped;
        var method = request.Method.Method;
        var path = request.RequestUri?.PathAndQuery ?? string.Empty;
        var inner = redactor.RedactChain(ex);
        if (timedOutAfter is { } timeout)
        {
            return new ApiException(ApiFailureKind.Timeout, $"{method} {path} timed out after {SecondsText.Format(timeout)}.", method, path, innerException: inner);
        }

        var detail = redactor.Redact(ApiErrorBody.Printable(Innermost(ex).Message));
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
}
