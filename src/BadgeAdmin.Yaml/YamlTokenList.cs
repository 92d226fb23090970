using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Yaml;

/// <summary>
/// The tokens <see cref="YamlBlockReader"/> read, given one by one; a token's position is its line. They are kept in
/// blocks small enough to stay off the large object heap: a file of thousands of badges has tens of thousands of
/// tokens, and one growing array of them would cost a full garbage collection each time it is read.
/// </summary>
internal sealed class YamlTokenList : IConfigurationTokens
{
    private const int BlockSize = 2048;

    private readonly List<YamlToken[]> _blocks = new();
    private int _next;
    private YamlToken _current;

    public int Count { get; private set; }

    public ConfigToken Token => _current.Token;

    public ConfigScalarKind ScalarKind => _current.Kind;

    public long Position => _current.Line;

    public void Add(YamlToken token)
    {
        if (Count % BlockSize == 0) _blocks.Add(new YamlToken[BlockSize]);
        _blocks[Count / BlockSize][Count % BlockSize] = token;
        Count++;
    }

    [MethodImpl(HotPath.Optimized)]
    public bool Read()
    {
        if (_next == Count) return false;
        _current = _blocks[_next / BlockSize][_next % BlockSize];
        _next++;
        return true;
    }

    public int LineOf(long position) => (int)position;

    public string GetString() => Token is ConfigToken.PropertyName or ConfigToken.Scalar ? _current.Text! : throw new InvalidOperationException($"A {Token} token has no text.");

    public bool TryGetGuid(out Guid value) => YamlScalarText.TryGetGuid(Token, ScalarKind, _current.Text ?? string.Empty, out value);

    public bool TryGetNumber(out double value) => YamlScalarText.TryGetNumber(Token, ScalarKind, _current.Text ?? string.Empty, out value);
}
