using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using BadgeAdmin.Core.HolderSync;

namespace BadgeAdmin.Cmdlets.HolderSync;

/// <summary>
/// Reads one piped item of a wanted-holder list: a CSV row or any object with a UserId and/or WalletAddress property
/// (or a Wallet or Address column, as people's CSVs name it), a hashtable with those keys, a user badge or grant
/// result, a Guid (a user id), or plain text (a GUID is a user id, anything else a wallet address).
/// </summary>
internal static class HolderInputReader
{
    private static readonly string[] UserIdNames = { "UserId" };

    private static readonly string[] WalletNames = { "WalletAddress", "Wallet", "Address" };

    public static HolderInput Read(PSObject? item) => item?.BaseObject switch
    {
        null => HolderInput.FromText(null),
        string text => HolderInput.FromText(text),
        Guid id => HolderInput.FromFields(id.ToString(), null),
        IDictionary map => HolderInput.FromFields(First(map, UserIdNames), First(map, WalletNames)),
        _ => HolderInput.FromFields(First(item, UserIdNames), First(item, WalletNames)),
    };

    /// <summary>The first of <paramref name="names"/> (any case) the object has with a non-blank value, as text.</summary>
    private static string? First(PSObject item, string[] names)
    {
        foreach (var name in names)
        {
            if (Text(item.Properties[name]?.Value) is { } text) return text;
        }

        return null;
    }

    private static string? First(IDictionary map, string[] names)
    {
        foreach (var name in names)
        {
            foreach (DictionaryEntry entry in map)
            {
                if (entry.Key is string key && key.Equals(name, StringComparison.OrdinalIgnoreCase) && Text(entry.Value) is { } text) return text;
            }
        }

        return null;
    }

    private static string? Text(object? value)
    {
        var text = value is PSObject wrapped ? wrapped.BaseObject : value;
        var result = text switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => text.ToString(),
        };
        return string.IsNullOrWhiteSpace(result) ? null : result;
    }
}
