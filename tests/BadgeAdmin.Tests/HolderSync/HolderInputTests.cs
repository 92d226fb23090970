using BadgeAdmin.Core.HolderSync;

namespace BadgeAdmin.Tests.HolderSync;

/// <summary>How one item of a wanted-holder list names its user: text, or a row's user id and wallet.</summary>
public sealed class HolderInputTests
{
    [Fact]
    public void A_guid_text_is_a_user_id_and_any_other_text_a_wallet()
    {
        var id = Guid.NewGuid();

        var byId = HolderInput.FromText($" {id} ");
        var byWallet = HolderInput.FromText(" 0xAbC ");

        Assert.Equal((id, (string?)null), (byId.User!.UserId, byId.User.WalletAddress));
        Assert.Equal(((Guid?)null, "0xAbC"), (byWallet.User!.UserId, byWallet.User.WalletAddress)); // trimmed, case kept for sending
        Assert.Equal(HolderInputProblem.None, byWallet.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_text_names_no_user(string? text)
    {
        var input = HolderInput.FromText(text);

        Assert.Null(input.User);
        Assert.Equal(HolderInputProblem.NoUser, input.Problem);
    }

    [Fact]
    public void A_row_with_both_keeps_both_and_the_user_id_is_what_is_sent()
    {
        var id = Guid.NewGuid();

        var input = HolderInput.FromFields(id.ToString(), "0xabc");

        Assert.Equal((id, "0xabc"), (input.User!.UserId, input.User.WalletAddress));
        Assert.Equal(id.ToString(), input.User.ToString());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData(" ", "\t")]
    public void A_row_with_neither_names_no_user(string? userId, string? wallet) =>
        Assert.Equal(HolderInputProblem.NoUser, HolderInput.FromFields(userId, wallet).Problem);

    [Fact]
    public void A_user_id_that_is_not_a_guid_is_refused_even_with_a_wallet()
    {
        var input = HolderInput.FromFields("user-42", "0xabc");

        Assert.Null(input.User);
        Assert.Equal((HolderInputProblem.InvalidUserId, "user-42"), (input.Problem, input.Value));
    }

    [Fact]
    public void An_empty_user_id_cell_counts_as_absent()
    {
        var input = HolderInput.FromFields("", "0xabc");

        Assert.Equal(((Guid?)null, "0xabc"), (input.User!.UserId, input.User.WalletAddress));
    }
}
