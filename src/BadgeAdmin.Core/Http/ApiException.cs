using System;
using System.Net;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// A failed API call, with everything the cmdlet layer needs to build an error record: what failed, the status,
/// the server's own message and a short excerpt of the body. Messages are already free of the API key.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException(
        ApiFailureKind kind,
        string message,
        string method,
        string path,
        HttpStatusCode? statusCode = null,
        string? serverMessage = null,
        string? responseExcerpt = null,
        Exception? innerException = null,
        StopNote? stop = null)
        : base(Compose(message, stop), innerException)
    {
        Summary = message;
        Stop = stop;
        Kind = kind;
        Method = method;
        Path = path;
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        ResponseExcerpt = responseExcerpt;
    }

    public ApiFailureKind Kind { get; }

    /// <summary>What failed, without <see cref="Stop"/>: the message is this followed by the stop note.</summary>
    public string Summary { get; }

    /// <summary>Why retrying (or reading) stopped where it did, when a connection limit or an unusable wait decided it.</summary>
    public StopNote? Stop { get; }

    /// <summary>HTTP method of the failed request.</summary>
    public string Method { get; }

    /// <summary>Path (and query) of the failed request; never includes credentials.</summary>
    public string Path { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The server's own explanation (its <c>message</c>, <c>detail</c> or field errors), when it gave one.</summary>
    public string? ServerMessage { get; }

    /// <summary>The first characters of an unreadable body, for diagnosis.</summary>
    public string? ResponseExcerpt { get; }

    private static string Compose(string summary, StopNote? stop) =>
        stop is null ? summary : summary.Length == 0 ? stop.ToString() : summary + " " + stop;
}
