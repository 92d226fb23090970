using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace BadgeAdmin.Tests.Support;

/// <summary>
/// A raw TCP server on loopback that answers each request with a script, byte by byte: what a broken or hostile HTTP
/// server (or proxy) does and the sandbox cannot, such as a body that never ends or a certificate nobody trusts.
/// It records the head of every request it receives.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Stream, CancellationToken, Task> _answer;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly ConcurrentQueue<Task> _connections = new();

    /// <param name="answer">Writes the whole answer to one request; it is cancelled when the server stops.</param>
    /// <param name="tls">Serve https with a self-signed certificate that no client trusts.</param>
    public HostileServer(Func<Stream, CancellationToken, Task> answer, bool tls = false)
    {
        _answer = answer;
        _certificate = tls ? SelfSigned() : null;
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseAddress = new Uri($"{(tls ? "https" : "http")}://127.0.0.1:{port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>The request line and headers of every request received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>A status line and headers, ready to be followed by the body.</summary>
    public static byte[] Head(int status, string headers = "Content-Type: application/json\r\n") =>
        Ascii($"HTTP/1.1 {status} Whatever\r\nConnection: close\r\n{headers}\r\n");

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            _connections.Enqueue(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(_certificate);
                    stream = tls;
                }

                Requests.Enqueue(await ReadHeadAsync(stream, _stopping.Token));
                await _answer(stream, _stopping.Token);
                await stream.FlushAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
            {
                // the client gave up, refused our certificate, or the server is stopping: all expected here
            }
        }
    }

    private static async Task<string> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0) break;
            head.Append((char)one[0]);
            if (head.Length > 65536) break;
        }

        return head.ToString();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PFX so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener.Stop();
        await _accepting;
        await Task.WhenAny(Task.WhenAll(_connections), Task.Delay(TimeSpan.FromSeconds(5)));
        _certificate?.Dispose();
        _stopping.Dispose();
    }
}
