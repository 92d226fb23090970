using System;
using System.Collections.Generic;

namespace BadgeAdmin.Core.HolderSync;

/// <summary>
/// When two wallet addresses name the same wallet. An address written <c>0x…</c> (EVM, Sui: hexadecimal) names the
/// same wallet in any letter case, so a checksummed address equals its lower-case form; any other address (Solana,
/// TON, Cosmos: base58/base64/bech32) is compared exactly, because there a change of case is another wallet.
/// Surrounding spaces never count.
/// </summary>
public sealed class WalletAddressComparer : IEqualityComparer<string>
{
    public static WalletAddressComparer Instance { get; } = new();

    private WalletAddressComparer()
    {
    }

    /// <summary>True for an address written 0x… (either case of the x), whose letters may come in any case.</summary>
    public static bool IsHex(string address)
    {
        var text = address.Trim();
        return text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    }

    /// <summary>The form two equal addresses share: lower case for 0x… addresses, the address itself otherwise.</summary>
    public static string Key(string address)
    {
        var text = address.Trim();
        return IsHex(text) ? text.ToLowerInvariant() : text;
    }

    public bool Equals(string? x, string? y) => x is null || y is null ? x is null && y is null : string.Equals(Key(x), Key(y), StringComparison.Ordinal);

    public int GetHashCode(string obj) => StringComparer.Ordinal.GetHashCode(Key(obj));
}
