using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Every read of a response body, logged or not, goes through here: it obeys the token it is given (the attempt's
/// timeout linked to Ctrl+C) and the connection's size limit, so a server that stalls, trickles or never stops sending
/// can neither hang a call nor exhaust memory.
/// </summary>
internal static class ResponseBody
{
    private const int ChunkSize = 81920;

    /// <summary>True once <see cref="BufferAsync"/> has replaced the network content with its bytes.</summary>
    public static bool IsBuffered(HttpResponseMessage response) => response.Content is null or BufferedContent;

    /// <summary>
    /// Reads the whole body into memory, at most <paramref name="limit"/> bytes, and swaps it in as the response's
    /// content. Throws an <see cref="ApiFailureKind.InvalidResponse"/> error when the body is larger, and an
    /// <see cref="OperationCanceledException"/> (or the transport's exception) when the token fires first.
    /// </summary>
    public static async Task BufferAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        if (IsBuffered(response)) return;
        var network = response.Content!;
        if (network.Headers.ContentLength is { } declared && declared > limit) throw TooLarge(response, limit);

        // Some transports (netstandard2.0) ignore the token on a read: disposing the response is what aborts it there.
        using (cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
        {
#if NET5_0_OR_GREATER
            using var stream = await network.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await network.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            var initial = network.Headers.ContentLength is { } length ? (int)Math.Min(length, Math.Min(limit, ChunkSize * 16)) : 0;
            var bytes = new MemoryStream(initial);
            var chunk = new byte[ChunkSize];
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (bytes.Length + read > limit) throw TooLarge(response, limit);
                bytes.Write(chunk, 0, read);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var buffered = new BufferedContent(bytes.GetBuffer(), (int)bytes.Length);
            foreach (var header in network.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = buffered;
        }

        network.Dispose();
    }

    /// <summary>The start of a body that will not be read whole (a streamed answer of the wrong type): at most <paramref name="count"/> bytes.</summary>
    public static async Task<string> ReadStartAsync(HttpResponseMessage response, int count, CancellationToken cancellationToken)
    {
        if (response.Content is null) return string.Empty;
        using (cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[count];
            var total = 0;
            int read;
            while (total < count && (read = await stream.ReadAsync(buffer, total, count - total, cancellationToken).ConfigureAwait(false)) > 0) total += read;
            return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
        }
    }

    /// <summary>The error for a body over the connection's limit: an invalid response, which is never retried.</summary>
    public static ApiException TooLarge(HttpResponseMessage response, long limit)
    {
        var method = response.RequestMessage?.Method.Method ?? "?";
        var path = response.RequestMessage?.RequestUri?.PathAndQuery ?? "?";
        return new ApiException(ApiFailureKind.InvalidResponse,
            $"{method} {path} answered {(int)response.StatusCode} with a body larger than the {DescribeLimit(limit)} limit (-MaxResponseSizeMB); it was not read further.",
            method, path, response.StatusCode);
    }

    public static string DescribeLimit(long limit) =>
        limit % (1024 * 1024) == 0
            ? (limit / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB"
            : limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "-byte";

    /// <summary>A body already in memory: what <see cref="BufferAsync"/> leaves on the response.</summary>
    private sealed class BufferedContent : ByteArrayContent
    {
        public BufferedContent(byte[] bytes, int count)
            : base(bytes, 0, count)
        {
        }
    }
}
