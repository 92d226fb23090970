using System;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Core.HolderSync;

/// <summary>Why an input item names no holder.</summary>
public enum HolderInputProblem
{
    None,

    /// <summary>Neither a user id nor a wallet address (an empty row, or columns with other names).</summary>
    NoUser,

    /// <summary>A user id that is not a GUID; <see cref="HolderInput.Value"/> holds it.</summary>
    InvalidUserId,
}

/// <summary>
/// One item of a wanted-holder list read into the user it names: a plain text (a GUID is a user id, anything else a
/// wallet address), or a user id and a wallet address from a row (the user id wins when both are filled; an empty or
/// blank cell counts as absent).
/// </summary>
public sealed class HolderInput
{
    private HolderInput(LoyaltyUserIdentity? user, HolderInputProblem problem, string? value)
    {
        User = user;
        Problem = problem;
        Value = value;
    }

    /// <summary>The user named, or null when <see cref="Problem"/> says why there is none.</summary>
    public LoyaltyUserIdentity? User { get; }

    public HolderInputProblem Problem { get; }

    /// <summary>The offending value of an <see cref="HolderInputProblem.InvalidUserId"/>.</summary>
    public string? Value { get; }

    /// <summary>A plain text: a GUID is a user id, anything else a wallet address; blank names no one.</summary>
    public static HolderInput FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new HolderInput(null, HolderInputProblem.NoUser, null);
        return Guid.TryParse(text!.Trim(), out var id)
            ? new HolderInput(new LoyaltyUserIdentity(id, null), HolderInputProblem.None, null)
            : new HolderInput(new LoyaltyUserIdentity(null, text), HolderInputProblem.None, null);
    }

    /// <summary>A row's user id and wallet address, either of them absent (null or blank).</summary>
    public static HolderInput FromFields(string? userId, string? walletAddress)
    {
        Guid? id = null;
        if (!string.IsNullOrWhiteSpace(userId))
        {
            if (!Guid.TryParse(userId!.Trim(), out var parsed)) return new HolderInput(null, HolderInputProblem.InvalidUserId, userId);
            id = parsed;
        }

        if (id is null && string.IsNullOrWhiteSpace(walletAddress)) return new HolderInput(null, HolderInputProblem.NoUser, null);
        return new HolderInput(new LoyaltyUserIdentity(id, walletAddress), HolderInputProblem.None, null);
    }
}
