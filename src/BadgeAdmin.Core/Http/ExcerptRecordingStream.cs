using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// A read-only pass-through over a response stream that keeps its first bytes, so a body read straight from the
/// network can still be quoted in an error when it turns out to be HTML, truncated or empty. It also counts: past
/// the connection's size limit a read throws the error it is given (the server's answer, not a dropped connection),
/// so an endless body ends the call instead of filling memory.
/// </summary>
internal sealed class ExcerptRecordingStream : Stream
{
    private const int Kept = 256;
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly Func<Exception> _overLimit;
    private readonly byte[] _start = new byte[Kept];

    public ExcerptRecordingStream(Stream inner, long limit, Func<Exception> overLimit)
    {
        _inner = inner;
        _limit = limit;
        _overLimit = overLimit;
    }

    /// <summary>How many bytes were read in all.</summary>
    public long BytesRead { get; private set; }

    public string Start => System.Text.Encoding.UTF8.GetString(_start, 0, (int)Math.Min(BytesRead, Kept));

    public override int Read(byte[] buffer, int offset, int count) => Record(buffer, offset, _inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Record(buffer, offset, await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

    private int Record(byte[] buffer, int offset, int read)
    {
        if (BytesRead < Kept && read > 0) Buffer.BlockCopy(buffer, offset, _start, (int)BytesRead, (int)Math.Min(read, Kept - BytesRead));
        BytesRead += read;
        if (BytesRead > _limit) throw _overLimit();
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
