using BadgeAdmin.Core.HolderSync;

namespace BadgeAdmin.Tests.HolderSync;

/// <summary>When two wallet addresses are one wallet: 0x… in any case, everything else exactly.</summary>
public sealed class WalletAddressComparerTests
{
    private static readonly WalletAddressComparer Comparer = WalletAddressComparer.Instance;

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")] // EIP-55 checksummed vs lower case
    [InlineData("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData(" 0xabc ", "0xABC")]
    [InlineData("So11111111111111111111111111111111111111112", "So11111111111111111111111111111111111111112")]
    public void These_name_one_wallet(string a, string b)
    {
        Assert.True(Comparer.Equals(a, b));
        Assert.Equal(Comparer.GetHashCode(a), Comparer.GetHashCode(b));
        Assert.Equal(WalletAddressComparer.Key(a), WalletAddressComparer.Key(b));
    }

    [Theory]
    [InlineData("So11111111111111111111111111111111111111112", "so11111111111111111111111111111111111111112")] // base58: case is meaning
    [InlineData("EQBvW8Z5huBkMJYdnfAEM5JqTNkuWX3diqYENkWsIL0XggGG", "eqbvw8z5hubkmjydnfaem5jqtnkuwx3diqyenkwsil0xgggg")]
    [InlineData("0xabc", "0xabd")]
    [InlineData("0x", "0X")] // no digits: not an address to fold
    public void These_are_different_wallets(string a, string b) => Assert.False(Comparer.Equals(a, b));

    [Fact]
    public void A_set_keyed_by_it_holds_a_checksummed_wallet_once()
    {
        var set = new HashSet<string>(Comparer) { "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" };

        Assert.False(set.Add("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        Assert.True(set.Add("So11111111111111111111111111111111111111112"));
        Assert.True(set.Add("sO11111111111111111111111111111111111111112"));
    }
}
