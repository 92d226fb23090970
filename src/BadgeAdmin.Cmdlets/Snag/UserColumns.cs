using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using BadgeAdmin.Core.HolderSync;

namespace BadgeAdmin.Cmdlets.Snag;

/// <summary>
/// The cells of a piped row (a CSV row, any object, a hashtable) that name a Snag user: UserId, and the wallet as
/// WalletAddress, Wallet or Address, as people's CSVs name it. Grant-, Revoke-LoyaltyBadge and Sync-LoyaltyBadgeHolder
/// read rows the same way and word their refusals the same way: a blank cell counts as absent.
/// </summary>
internal static class UserColumns
{
    public static readonly string[] UserIdNames = { "UserId" };

    /// <summary>The wallet columns, in the order the binder prefers them.</summary>
    public static readonly string[] WalletNames = { "WalletAddress", "Wallet", "Address" };

    /// <summary>The row's columns of <paramref name="names"/> (any case), as the row spells them, with their text (null when blank).</summary>
    public static IReadOnlyList<(string Column, string? Text)> Cells(PSObject? row, string[] names)
    {
        var cells = new List<(string, string?)>();
        if (row?.BaseObject is IDictionary map)
        {
            foreach (var name in names)
            {
                foreach (DictionaryEntry entry in map)
                {
                    if (entry.Key is string key && key.Equals(name, StringComparison.OrdinalIgnoreCase)) cells.Add((key, Text(entry.Value)));
                }
            }
        }
        else if (row is not null && row.BaseObject is not string)
        {
            foreach (var name in names)
            {
                if (row.Properties[name] is { } property) cells.Add((property.Name, Text(property.Value)));
            }
        }

        return cells;
    }

    /// <summary>The first filled cell of <paramref name="names"/>, or null.</summary>
    public static string? First(PSObject? row, string[] names) => Cells(row, names).Select(c => c.Text).FirstOrDefault(t => t is not null);

    /// <summary>
    /// "its Wallet cell (0xa…) and its Address cell (0xb…) name different wallets", when the row's filled wallet cells
    /// do (0x… addresses in any case are one wallet); else null.
    /// </summary>
    public static string? Disagreement(PSObject? row)
    {
        var filled = Cells(row, WalletNames).Where(c => c.Text is not null).ToList();
        if (filled.Select(c => c.Text!).Distinct(WalletAddressComparer.Instance).Count() < 2) return null;
        return "its " + And(filled.Select(c => $"{c.Column} cell ({c.Text!.Trim()})")) + " name different wallets";
    }

    /// <summary>"its Address cell is empty" (or "its UserId and Wallet cells are empty") for a row with user columns, all blank; else null.</summary>
    public static string? EmptyCells(PSObject? row)
    {
        var empty = Cells(row, UserIdNames.Concat(WalletNames).ToArray()).Where(c => c.Text is null).Select(c => c.Column).ToList();
        return empty.Count == 0 ? null : $"its {And(empty)} {(empty.Count == 1 ? "cell is" : "cells are")} empty";
    }

    /// <summary>"this row has: Email, Name" for a CSV row (or any custom object), so a misnamed column is plain to see; else null.</summary>
    public static string? ColumnList(PSObject? row)
    {
        if (row?.BaseObject is not PSCustomObject) return null;
        var names = row.Properties.Select(p => p.Name).ToList();
        return names.Count == 0 ? "this row has no columns" : $"this row has: {string.Join(", ", names)}";
    }

    private static string And(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count < 2 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1];
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
