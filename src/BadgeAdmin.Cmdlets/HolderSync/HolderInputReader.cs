using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.HolderSync;

namespace BadgeAdmin.Cmdlets.HolderSync;

/// <summary>
/// Reads one piped item of a wanted-holder list: a CSV row or any object with a UserId and/or WalletAddress property
/// (or a Wallet or Address column, as people's CSVs name it), a hashtable with those keys, a user badge or grant
/// result, a Guid (a user id), or plain text (a GUID is a user id, anything else a wallet address).
/// </summary>
internal static class HolderInputReader
{
    public static HolderInput Read(PSObject? item) => item?.BaseObject switch
    {
        null => HolderInput.FromText(null),
        string text => HolderInput.FromText(text),
        Guid id => HolderInput.FromFields(id.ToString(), null),
        _ => HolderInput.FromFields(UserColumns.First(item, UserColumns.UserIdNames), UserColumns.First(item, UserColumns.WalletNames)),
    };
}
