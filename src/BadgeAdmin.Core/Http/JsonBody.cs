using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BadgeAdmin.Core.Http;

/// <summary>A buffered 2xx JSON body with the request it answered, so any reading failure names the call and shows an excerpt.</summary>
internal sealed class JsonBody
{
    private readonly HttpResponseMessage _response;
    private readonly ResponseBodyReader _reader;

    public JsonBody(byte[] bytes, HttpResponseMessage response, ResponseBodyReader reader)
    {
        Bytes = bytes;
        _response = response;
        _reader = reader;
        FirstToken = FirstNonWhiteSpace(bytes);
    }

    public byte[] Bytes { get; }

    /// <summary>The first non-blank character ('[' for an array, '{' for an object), or '\0' for an empty body.</summary>
    public char FirstToken { get; }

    public T Deserialize<T>(JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(Bytes, type) ?? throw Invalid("a null body where JSON was expected");
        }
        catch (JsonException ex)
        {
            throw Invalid($"JSON it could not read (at {ex.Path ?? "$"}, line {(ex.LineNumber ?? 0) + 1})", ex);
        }
    }

    public ApiException Invalid(string why, Exception? inner = null) =>
        _reader.Invalid(_response, why, Bytes.Length == 0 ? "(empty body)" : Encoding.UTF8.GetString(Bytes, 0, Math.Min(Bytes.Length, 1024)), inner);

    private static char FirstNonWhiteSpace(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        for (var i = start; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return (char)bytes[i];
        }

        return '\0';
    }
}
