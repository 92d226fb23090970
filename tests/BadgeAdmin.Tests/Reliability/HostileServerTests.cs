using System.Diagnostics;
using System.Net;
using System.Text;
using BadgeAdmin.Core.Diagnostics;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Tests.Support;
using static BadgeAdmin.Tests.Support.HostileServer;

namespace BadgeAdmin.Tests.Reliability;

/// <summary>
/// Servers that stall, trickle, never stop sending, echo the key in every encoding, present a bad certificate, or sit
/// in the middle as a proxy. Nothing may hang, grow without bound, or show the key. Every call is bounded by a timeout
/// of the test's own, so a regression fails instead of hanging the suite.
/// </summary>
public sealed class HostileServerTests
{
    // A key with characters that every encoding changes: '+', '/' and '='.
    private const string Key = "canaryKEY+hostile/7Qz=AbC9xYz0123";
    private static readonly Guid EntryId = Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");
    private const string Entry = "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"name\":\"Entry\"}";
    private const string Website = "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"name\":\"x\"},";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private static ConnectionSettings Settings(Uri baseUri, int maxRetries = 0, double timeoutSeconds = 1, long maxResponseBytes = 1024 * 1024, Uri? proxy = null) =>
        new(baseUri, SnagConnection.ApiKeyHeader, Key)
        {
            MaxRetries = maxRetries,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            MaxResponseBytes = maxResponseBytes,
            Proxy = proxy,
        };

    /// <summary>Runs a client call with an observer (debug bodies on or off), failing the test if it outlives <see cref="Guard"/>.</summary>
    private static async Task<(T Result, TimeSpan Took)> Bounded<T>(Func<Task<T>> call, bool debug)
    {
        using var scope = RequestObserverScope.Begin(new RecordingObserver { WantsBodies = debug });
        var clock = Stopwatch.StartNew();
        var task = call();
        if (await Task.WhenAny(task, Task.Delay(Guard)) != task) Assert.Fail($"the call was still running after {Guard.TotalSeconds} s");
        return (await task, clock.Elapsed);
    }

    private static async Task<(ApiException Error, TimeSpan Took)> Failing(Func<Task> call, bool debug = false) =>
        await Bounded(async () => await Assert.ThrowsAsync<ApiException>(call), debug);

    private static Func<Stream, CancellationToken, Task> Trickle(string body, int msPerByte) => async (stream, token) =>
    {
        await stream.WriteAsync(Head(200, $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n"), token);
        foreach (var b in Encoding.UTF8.GetBytes(body))
        {
            await stream.WriteAsync(new[] { b }, token);
            await stream.FlushAsync(token);
            await Task.Delay(msPerByte, token);
        }
    };

    private static Func<Stream, CancellationToken, Task> Stall(string start, int declaredLength = 5000) => async (stream, token) =>
    {
        await stream.WriteAsync(Head(200, $"Content-Type: application/json\r\nContent-Length: {declaredLength}\r\n"), token);
        await stream.WriteAsync(Ascii(start), token);
        await stream.FlushAsync(token);
        await Task.Delay(Timeout.Infinite, token);
    };

    /// <summary>A body with no length that never ends: <paramref name="start"/>, then <paramref name="filler"/> for ever.</summary>
    private static Func<Stream, CancellationToken, Task> Endless(string start, string filler) => async (stream, token) =>
    {
        await stream.WriteAsync(Head(200), token);
        await stream.WriteAsync(Ascii(start), token);
        var chunk = Ascii(string.Concat(Enumerable.Repeat(filler, 65536 / filler.Length)));
        while (true) await stream.WriteAsync(chunk, token);
    };

    private static Func<Stream, CancellationToken, Task> Answer(int status, string body, string contentType = "application/json", string extraHeaders = "") => async (stream, token) =>
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(Head(status, $"Content-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n{extraHeaders}"), token);
        await stream.WriteAsync(bytes, token);
    };

    // 1. Every read of a body, logged or not, obeys the per-attempt timeout and the stop token.

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_trickling_body_times_out_with_or_without_debug_output(bool debug)
    {
        await using var server = new HostileServer(Trickle(Entry, msPerByte: 300));
        using var client = new PartnerPageClient(Settings(server.BaseAddress));

        var (error, took) = await Failing(() => client.GetEntryAsync(EntryId), debug);

        Assert.Equal(ApiFailureKind.Timeout, error.Kind);
        Assert.EndsWith("timed out after 1 s.", error.Message);
        Assert.InRange(took, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_stalled_body_times_out_when_the_message_says(bool debug)
    {
        await using var server = new HostileServer(Stall("{\"id\":"));
        using var client = new PartnerPageClient(Settings(server.BaseAddress, timeoutSeconds: 2));

        var (error, took) = await Failing(() => client.GetEntryAsync(EntryId), debug);

        Assert.Equal(ApiFailureKind.Timeout, error.Kind);
        Assert.EndsWith("timed out after 2 s.", error.Message);
        Assert.InRange(took, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2.5));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_streamed_page_that_trickles_times_out_with_or_without_debug_output(bool debug)
    {
        await using var server = new HostileServer(Trickle("{\"data\":[" + Website.TrimEnd(',') + "],\"hasNextPage\":false}", msPerByte: 300));
        using var client = new SnagClient(Settings(server.BaseAddress));

        var (error, took) = await Failing(async () => await client.ListWebsitesAsync(null, null).ToListAsync(), debug);

        Assert.Equal(ApiFailureKind.Timeout, error.Kind);
        Assert.EndsWith("timed out after 1 s reading the body.", error.Message);
        Assert.True(took < TimeSpan.FromSeconds(3), $"took {took}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelling_a_trickling_body_ends_the_call_at_once(bool debug)
    {
        await using var server = new HostileServer(Trickle(Entry, msPerByte: 1000));
        using var client = new PartnerPageClient(Settings(server.BaseAddress, timeoutSeconds: 600));
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var (error, took) = await Bounded(async () => await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetEntryAsync(EntryId, stop.Token)), debug);

        Assert.NotNull(error);
        Assert.True(took < TimeSpan.FromSeconds(1.5), $"took {took}");
    }

    // 2. What one response may send is bounded; over the limit is InvalidResponse, never retried.

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_endless_body_is_refused_at_the_size_limit_and_not_retried(bool debug)
    {
        await using var server = new HostileServer(Endless("{\"id\":\"", "A"));
        using var client = new PartnerPageClient(Settings(server.BaseAddress, maxRetries: 2, timeoutSeconds: 30));

        var (error, took) = await Failing(() => client.GetEntryAsync(EntryId), debug);

        Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("answered 200 with a body larger than the 1 MB limit (MaxResponseBytes)", error.Message);
        Assert.Equal(ConnectionLimit.MaxResponseBytes, error.Stop!.Limit);
        Assert.Single(server.Requests);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_endless_streamed_page_is_refused_at_the_size_limit_with_bounded_memory(bool debug)
    {
        await using var server = new HostileServer(Endless("{\"data\":[", Website));
        using var client = new SnagClient(Settings(server.BaseAddress, maxRetries: 2, timeoutSeconds: 30, maxResponseBytes: 4 * 1024 * 1024));
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var (error, _) = await Failing(async () => await client.ListWebsitesAsync(null, null).ToListAsync(), debug);

        Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("larger than the 4 MB limit", error.Message);
        Assert.Single(server.Requests);
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - before < 64L * 1024 * 1024, "memory kept growing");
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        await using var server = new HostileServer(Stall("{", declaredLength: 10_000_000));
        using var client = new PartnerPageClient(Settings(server.BaseAddress, maxRetries: 2, timeoutSeconds: 30));

        var (error, took) = await Failing(() => client.GetEntryAsync(EntryId));

        Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("1 MB limit", error.Message);
        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}: the body was waited for");
    }

    [Fact]
    public async Task An_error_body_over_the_limit_is_refused_not_retried()
    {
        await using var server = new HostileServer(async (stream, token) =>
        {
            await stream.WriteAsync(Head(503), token);
            var chunk = new byte[65536];
            while (true) await stream.WriteAsync(chunk, token);
        });
        using var client = new PartnerPageClient(Settings(server.BaseAddress, maxRetries: 2, timeoutSeconds: 30));

        var (error, _) = await Failing(() => client.GetEntryAsync(EntryId));

        Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
        Assert.Single(server.Requests);
    }

    // 4-7. The key: never sent where it should not go, never shown in any form.

    [Theory]
    [InlineData("canary\r\nX-Injected: yes")]
    [InlineData("canary-key-from-a-file\n")]
    [InlineData("canary\u0000key")]
    public void A_key_with_a_control_character_is_refused_without_quoting_it(string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ConnectionSettings(new Uri("http://127.0.0.1:1/"), SnagConnection.ApiKeyHeader, key));

        Assert.Equal("apiKey", ex.ParamName);
        Assert.Contains("control character", ex.Message);
        Assert.DoesNotContain("canary", ex.ToString());
    }

    [Theory]
    [InlineData("t", false)]
    [InlineData("nul", false)]
    [InlineData("{\"id\":tru", false)]
    [InlineData("t", true)]
    [InlineData("{\"data\":[fals", true)]
    public async Task A_JSON_error_carries_no_key_in_any_exception_of_the_chain(string start, bool streamed)
    {
        await using var server = new HostileServer(Answer(200, start + Key + "\"}"));
        using var snag = new SnagClient(Settings(server.BaseAddress));
        using var partnerPage = new PartnerPageClient(Settings(server.BaseAddress));

        var (error, _) = streamed
            ? await Failing(async () => await snag.ListWebsitesAsync(null, null).ToListAsync())
            : await Failing(() => partnerPage.GetEntryAsync(EntryId));

        Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
        Assert.NotNull(error.InnerException);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            AssertNoKey(e.ToString());
            AssertNoKey(e.Message);
        }
    }

    public static TheoryData<string> EchoedForms() => new()
    {
        Key,
        Key.ToLowerInvariant(),
        Key.ToUpperInvariant(),
        Uri.EscapeDataString(Key),
        Uri.EscapeDataString(Key).ToLowerInvariant(),
        WebUtility.UrlEncode(Key),
        System.Text.Json.JsonSerializer.Serialize(Key).Trim('"'), // \u002B
        System.Text.Json.JsonSerializer.Serialize(Key).Trim('"').Replace("/", "\\/"),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Key)),
    };

    [Theory]
    [MemberData(nameof(EchoedForms))]
    public async Task An_echoed_key_is_masked_in_every_encoding(string echoed)
    {
        await using var server = new HostileServer(Answer(302, $"<html>Moved to https://evil.example/?key={echoed}</html>", "text/html",
            $"Location: https://evil.example/?key={echoed}\r\n"));
        using var client = new PartnerPageClient(Settings(server.BaseAddress));
        var observer = new RecordingObserver { WantsBodies = true };

        ApiException error;
        using (RequestObserverScope.Begin(observer)) error = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(EntryId));

        Assert.Contains("***", error.Message);
        AssertNoKey(error.ToString(), echoed);
        AssertNoKey(error.ResponseExcerpt ?? string.Empty, echoed);
        Assert.All(observer.Details, d => AssertNoKey(d, echoed));
        Assert.Contains(observer.Details, d => d.Contains("Location: https://evil.example/?key=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(180)]
    [InlineData(190)]
    [InlineData(196)]
    public async Task A_key_cut_at_the_excerpt_boundary_is_masked(int at)
    {
        var body = "<html>" + new string('A', at - 6) + Key + "</html>";
        await using var server = new HostileServer(Answer(200, body, "text/html"));
        using var client = new PartnerPageClient(Settings(server.BaseAddress));

        var (error, _) = await Failing(() => client.GetEntryAsync(EntryId));

        Assert.Equal(ApiFailureKind.InvalidResponse, error.Kind);
        Assert.Contains("AAAA***", error.Message);
        AssertNoKey(error.Message, Key[..Math.Min(12, 200 - at)]);
    }

    [Fact]
    public async Task Loopback_requests_never_go_through_an_explicit_proxy()
    {
        await using var proxy = new HostileServer(Answer(502, "{\"message\":\"proxy\"}"));
        await using var api = new HostileServer(Answer(200, Entry));
        using var client = new PartnerPageClient(Settings(api.BaseAddress, proxy: proxy.BaseAddress));

        var (entry, _) = await Bounded(() => client.GetEntryAsync(EntryId), debug: false);

        Assert.Equal(EntryId, entry.Id);
        Assert.Empty(proxy.Requests);
        Assert.Single(api.Requests);
    }

    [Fact]
    public void A_proxy_password_is_never_shown_by_the_connection()
    {
        using var connection = new SnagConnection(Settings(new Uri("http://127.0.0.1:1/"), proxy: new Uri("http://user:s3cretPassw0rd@proxy.example:8080/")), "Parameter");

        Assert.Equal(new Uri("http://proxy.example:8080/"), connection.Proxy);
        Assert.DoesNotContain("s3cret", connection.Proxy!.ToString());
    }

    // 9. What a server quotes reaches the terminal without escape sequences; a bad certificate is not a dropped connection.

    [Fact]
    public async Task Terminal_escape_sequences_from_a_server_are_not_quoted()
    {
        await using var server = new HostileServer(Answer(400, "{\"message\":\"\\u001b[2J\\u001b]0;pwned\\u0007cleared\"}"));
        using var client = new PartnerPageClient(Settings(server.BaseAddress));

        var (error, _) = await Failing(() => client.GetEntryAsync(EntryId));

        Assert.Equal("[2J]0;pwnedcleared", error.ServerMessage);
        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public async Task An_untrusted_certificate_is_CertificateRejected_and_not_retried()
    {
        await using var server = new HostileServer(Answer(200, Entry), tls: true);
        using var client = new PartnerPageClient(Settings(server.BaseAddress, maxRetries: 2, timeoutSeconds: 10));
        var observer = new RecordingObserver();

        ApiException error;
        using (RequestObserverScope.Begin(observer)) error = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(EntryId));

        Assert.Equal(ApiFailureKind.CertificateRejected, error.Kind);
        Assert.Contains("TLS certificate was refused", error.Message);
        Assert.Empty(observer.Retries);
    }

    [Fact]
    public async Task An_https_address_whose_port_speaks_plain_http_is_NotTls_naming_the_address_and_not_retried()
    {
        // A plain-http server, as Kestrel is, answers the TLS hello with an HTTP 400 at once.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await socket.ReceiveAsync(new byte[4096], System.Net.Sockets.SocketFlags.None);
            await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), System.Net.Sockets.SocketFlags.None);
            socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        });
        var https = new Uri($"https://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/");
        using var client = new PartnerPageClient(Settings(https, maxRetries: 2, timeoutSeconds: 10));
        var observer = new RecordingObserver();

        ApiException error;
        using (RequestObserverScope.Begin(observer)) error = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(EntryId));

        await serving;
        Assert.Equal(ApiFailureKind.NotTls, error.Kind);
        Assert.Contains($"at https://{https.Host}:{https.Port} failed: the server there did not answer in TLS; is it an http:// address?", error.Message);
        Assert.DoesNotContain("certificate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(observer.Retries);
    }

    private static void AssertNoKey(string text, string? form = null)
    {
        foreach (var f in new[] { Key, Key[..12], Key[^12..], Uri.EscapeDataString(Key), form }.Where(f => f is not null))
        {
            Assert.True(text.IndexOf(f!, StringComparison.OrdinalIgnoreCase) < 0, $"'{f}' appears in: {text}");
        }
    }
}

/// <summary>
/// The system proxy ($env:HTTP_PROXY) is process-wide state: set alone, with no other test running, so no other test's
/// HTTP client picks it up meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SystemProxyCollection
{
    public const string Name = "System proxy";
}

[Collection(SystemProxyCollection.Name)]
public sealed class SystemProxyTests
{
    private const string Entry = "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"name\":\"Entry\"}";

    [Fact]
    public async Task Loopback_requests_never_go_through_the_system_proxy()
    {
        await using var proxy = new HostileServer(Answer(502, "{\"message\":\"proxy\"}"));
        await using var api = new HostileServer(Answer(200, Entry));
        var systemProxy = HttpClient.DefaultProxy;
        try
        {
            HttpClient.DefaultProxy = new WebProxy(proxy.BaseAddress); // what $env:HTTP_PROXY sets up
            using var client = new PartnerPageClient(new ConnectionSettings(api.BaseAddress, PartnerPageConnection.ApiKeyHeader, "canary-system-proxy-key") { MaxRetries = 0 });

            var entry = await client.GetEntryAsync(Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6")).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal("Entry", entry.Name);
            Assert.Empty(proxy.Requests);
            Assert.Single(api.Requests);
        }
        finally
        {
            HttpClient.DefaultProxy = systemProxy;
        }
    }

    private static Func<Stream, CancellationToken, Task> Answer(int status, string body) => async (stream, token) =>
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(Head(status, $"Content-Type: application/json\r\nContent-Length: {bytes.Length}\r\n"), token);
        await stream.WriteAsync(bytes, token);
    };
}
