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
    private readonly string[] _secretHeaders;

    public RequestLoggingHandler(SecretRedactor redactor, params string[] secretHeaders)
    {
        _redactor = redactor;
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
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            observer.Detail(_redactor.Redact(await DescribeResponseAsync(response).ConfigureAwait(false)));
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

    private async Task<string> DescribeResponseAsync(HttpResponseMessage response)
    {
        var text = new StringBuilder();
        text.Append("HTTP response: ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase).AppendLine();
        AppendHeaders(text, response.Headers.Concat(response.Content.Headers));
        text.AppendLine(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return text.ToString().TrimEnd();
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
