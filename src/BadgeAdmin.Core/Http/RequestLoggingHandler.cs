using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Diagnostics;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Innermost handler: reports every attempt to the current observer (PowerShell's -Verbose), and with -Debug the
/// headers and bodies. Credential headers are masked and all text passes through the connection's redactor.
/// </summary>
internal sealed class RequestLoggingHandler : DelegatingHandler
{
    private readonly SecretRedactor _redactor;
    private readonly ResponseBodyReader _bodies;
    private readonly string[] _secretHeaders;

    public RequestLoggingHandler(SecretRedactor redactor, ResponseBodyReader bodies, params string[] secretHeaders)
    {
        _redactor = redactor;
        _bodies = bodies;
        _secretHeaders = secretHeaders;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var observer = RequestObserverScope.Current;
        if (observer is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        var target = $"{request.Method} {request.RequestUri?.PathAndQuery}";
        if (observer.WantsBodies) observer.Detail(_redactor.Redact(await DescribeRequestAsync(request).ConfigureAwait(false)));

        var timer = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            observer.RequestCompleted($"{target} → no response ({ex.GetType().Name}) after {timer.ElapsedMilliseconds} ms");
            throw;
        }

        observer.RequestCompleted($"{target} → {(int)response.StatusCode} in {timer.ElapsedMilliseconds} ms");
        if (observer.WantsBodies)
        {
            // A body left streaming is read as it arrives, by the caller: buffering it here would undo the streaming.
            var streamed = ResponseBodyReader.IsLeftStreaming(request, response);
            try
            {
                // The token is the attempt's (timeout and Ctrl+C), the limit the connection's: debug output changes neither.
                await _bodies.ReadWithinAttemptAsync(request, response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                observer.Detail(_redactor.Redact($"HTTP response: {(int)response.StatusCode}; body not read ({ex.GetType().Name})"));
                response.Dispose();
                throw;
            }

            observer.Detail(_redactor.Redact(WithoutControlCharacters(await DescribeResponseAsync(response, streamed).ConfigureAwait(false))));
        }

        return response;
    }

    private async Task<string> DescribeRequestAsync(HttpRequestMessage request)
    {
        var text = new StringBuilder();
        text.Append("HTTP request: ").Append(request.Method).Append(' ').Append(request.RequestUri).AppendLine();
        AppendHeaders(text, request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>>()));
        if (request.Content is not null) text.AppendLine(await request.Content.ReadAsStringAsync().ConfigureAwait(false));
        return text.ToString().TrimEnd();
    }

    private async Task<string> DescribeResponseAsync(HttpResponseMessage response, bool streamed)
    {
        var text = new StringBuilder();
        text.Append("HTTP response: ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase).AppendLine();
        AppendHeaders(text, response.Headers.Concat(response.Content.Headers));
        text.AppendLine(streamed ? "(body read as it streams; not shown)" : await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return text.ToString().TrimEnd();
    }

    /// <summary>A server's bytes reach the user's terminal here: escape sequences (ESC, BEL…) are dropped, line breaks kept.</summary>
    private static string WithoutControlCharacters(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\n' or '\r' or '\t') result.Append(c);
        }

        return result.ToString();
    }

    private void AppendHeaders(StringBuilder text, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>> headers)
    {
        foreach (var header in headers)
        {
            var secret = _secretHeaders.Any(h => string.Equals(h, header.Key, StringComparison.OrdinalIgnoreCase));
            text.Append("  ").Append(header.Key).Append(": ").AppendLine(secret ? SecretRedactor.Mask : string.Join(", ", header.Value));
        }
    }
}
