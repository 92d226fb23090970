using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace BadgeAdmin.Core.Http;

/// <summary>A body already in memory: what <see cref="ResponseBodyReader"/> puts in place of the network content it read.</summary>
internal sealed class BufferedContent : ByteArrayContent
{
    public BufferedContent(byte[] bytes, int count, HttpContentHeaders networkHeaders)
        : base(bytes, 0, count)
    {
        foreach (KeyValuePair<string, IEnumerable<string>> header in networkHeaders)
        {
            // The length is the bytes' own, set by ByteArrayContent.
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }
}
