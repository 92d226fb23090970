using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace BadgeAdmin.Core.Http;

/// <summary>First handler of the pipeline: puts the API key on the request. The key lives only here.</summary>
internal sealed class ApiKeyHandler : DelegatingHandler
{
    private readonly string _headerName;
    private readonly string _apiKey;
    private readonly string _userAgent;

    public ApiKeyHandler(string headerName, string apiKey, string userAgent)
    {
        _headerName = headerName;
        _apiKey = apiKey;
        _userAgent = userAgent;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(_headerName);
        // Without validation: PartnerPage's Authorization header is a bare key, not "scheme value".
        request.Headers.TryAddWithoutValidation(_headerName, _apiKey);
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
