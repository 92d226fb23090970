using System;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// A configuration file as a stream of tokens, read once, front to back, with nothing kept: the model is read
/// straight from it (<see cref="ConfigurationReader"/>). JSON and YAML give the same tokens for the same document.
/// </summary>
public interface IConfigurationTokens
{
    /// <summary>
    /// Moves to the next token; false once the document's one value has been read. A syntax error, and anything after
    /// the value (a second JSON value, a second YAML document), throws <see cref="ConfigurationFileException"/> naming its line.
    /// </summary>
    bool Read();

    ConfigToken Token { get; }

    /// <summary>What the current <see cref="ConfigToken.Scalar"/> is.</summary>
    ConfigScalarKind ScalarKind { get; }

    /// <summary>
    /// Where the current token starts, in the syntax's own terms (a byte offset, a line): cheap enough to keep for
    /// every item; <see cref="LineOf"/> turns it into a line when a message needs one.
    /// </summary>
    long Position { get; }

    /// <summary>The 1-based line of a <see cref="Position"/> taken from this stream.</summary>
    int LineOf(long position);

    /// <summary>A property name, or a scalar as text: the string itself, the number as written, "true"/"false", or "null".</summary>
    string GetString();

    /// <summary>The current string scalar as a GUID; false when it is not one (or not a string).</summary>
    bool TryGetGuid(out Guid value);

    /// <summary>The current number scalar as a finite double; false when it is not one.</summary>
    bool TryGetNumber(out double value);
}
