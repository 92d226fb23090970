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
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Method = method;
        Path = path;
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        ResponseExcerpt = responseExcerpt;
    }

    public ApiFailureKind Kind { get; }

    /// <summary>HTTP method of the failed request.</summary>
    public string Method { get; }

    /// <summary>Path (and query) of the failed request; never includes credentials.</summary>
    public string Path { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The server's own explanation (its <c>message</c>, <c>detail</c> or field errors), when it gave one.</summary>
    public string? ServerMessage { get; }

    /// <summary>The first characters of an unreadable body, for diagnosis.</summary>
    public string? ResponseExcerpt { get; }
}
