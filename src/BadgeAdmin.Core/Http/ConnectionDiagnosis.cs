using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BadgeAdmin.Core.Http;

/// <summary>Reads a transport exception for what went wrong with the connection, and names the server it was for.</summary>
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
}
