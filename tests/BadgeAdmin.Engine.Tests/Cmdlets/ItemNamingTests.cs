using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Sandbox.PartnerPage;

namespace BadgeAdmin.Engine.Tests.Cmdlets;

/// <summary>
/// What -WhatIf, confirmation prompts and per-item errors say about the items they touch: the badge, the entry, the
/// directory, the wallet by name with the id beside it wherever the connection has read them; each error names its
/// item, and the input row a CSV gave it. The -WhatIf lines are read from a host, as a console shows them.
/// </summary>
public sealed class ItemNamingTests : IClassFixture<SandboxEngineFixture>, IDisposable
{
    private readonly SandboxEngineFixture _sandbox;
    private readonly ScriptedHost _host = new();
    private readonly EngineSession _session;
    private readonly string _folder = Directory.CreateTempSubdirectory("badgeadmin-naming-").FullName;

    public ItemNamingTests(SandboxEngineFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Server.State.Reset();
        _session = new EngineSession(host: _host);
        Run("""
            Connect-PartnerPage -ApiKey (ConvertTo-SecureString $PartnerPageKey -AsPlainText -Force) -BaseUri $Uri
            Connect-Snag -ApiKey (ConvertTo-SecureString $SnagKey -AsPlainText -Force) -BaseUri $Uri -OrganizationId $Org -WebsiteId $Website
            """).ThrowIfErrors();
        _sandbox.Server.State.Requests.Clear();
    }

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private PartnerPageData PartnerPage => _sandbox.Server.State.PartnerPage;

    private Guid Entry => _sandbox.EntryIds[3];

    private static Guid LoyaltyBadge(int i) => StableId.For($"snag/badge/{i}");

    private EngineResult Run(string script, params (string Name, object? Value)[] variables) =>
        _session.Run(script, [("Uri", _sandbox.BaseAddress), ("PartnerPageKey", SandboxOptions.DefaultPartnerPageKey), ("SnagKey", SandboxOptions.DefaultSnagKey),
            ("Org", _sandbox.OrganizationId), ("Website", _sandbox.MainWebsiteId), ("e", Entry), ("d", PartnerPageData.PartnerDirectoryId), .. variables]);

    /// <summary>The "What if:" lines the host was given by <paramref name="script"/>.</summary>
    private IReadOnlyList<string> WhatIf(string script, params (string Name, object? Value)[] variables)
    {
        _host.Lines.Clear();
        Run(script, variables).ThrowIfErrors();
        return _host.Lines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
    }

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private string EntryName(Guid id) => (string)Run("(Get-PartnerEntry -Id $Id).Name", ("Id", id)).ThrowIfErrors().Output.Single().BaseObject;

    [Fact]
    public void WhatIf_names_partner_badges_their_entry_and_directory_once_they_were_read()
    {
        var badges = Run("Get-PartnerBadge -EntryId $e").ThrowIfErrors().Output;
        var entryName = EntryName(Entry);
        var (first, second) = (badges[0], badges[1]);
        string Label(PSObject badge) => $"badge '{badge.Property<string>("Name")}' ({badge.Property<Guid>("Id")})";
        var entry = $"partner entry '{entryName}' ({Entry})";
        var gold = PartnerPage.DirectoryBadges.Single(b => b.Name == "Gold Partner").Id;
        Run("Get-PartnerDirectory | Out-Null; Get-PartnerDirectoryBadge -DirectoryId $d | Out-Null").ThrowIfErrors();
        var directory = $"directory 'Sandbox Partner Directory' ({PartnerPageData.PartnerDirectoryId})";

        Assert.Equal([$"What if: Performing the operation \"Set order to 0\" on target \"{Label(first)} of {entry}\".",
                      $"What if: Performing the operation \"Set order to 0\" on target \"{Label(second)} of {entry}\"."],
            WhatIf("Get-PartnerBadge -EntryId $e -First 2 | Set-PartnerBadge -Order 0 -WhatIf"));
        Assert.Equal([$"What if: Performing the operation \"Remove badge from entry\" on target \"{Label(first)} of {entry}\"."],
            WhatIf("Get-PartnerBadge -EntryId $e -First 1 | Remove-PartnerBadge -WhatIf"));
        Assert.Equal([$"What if: Performing the operation \"Attach badge 'Gold Partner' ({gold}) at order 0\" on target \"{entry}\"."],
            WhatIf("New-PartnerBadge -EntryId $e -BadgeId $Gold -Order 0 -WhatIf", ("Gold", gold)));
        Assert.Equal([$"What if: Performing the operation \"Set name to 'Gold'\" on target \"badge 'Gold Partner' ({gold}) of {directory}\"."],
            WhatIf("Set-PartnerDirectoryBadge -DirectoryId $d -Id $Gold -Name Gold -WhatIf", ("Gold", gold)));
        Assert.Equal([$"What if: Performing the operation \"Delete directory badge\" on target \"badge 'Gold Partner' ({gold}) of {directory}\"."],
            WhatIf("Remove-PartnerDirectoryBadge -DirectoryId $d -Id $Gold -WhatIf", ("Gold", gold)));
        Assert.Equal([$"What if: Performing the operation \"Create badge 'Trial'\" on target \"{directory}\"."],
            WhatIf("New-PartnerDirectoryBadge -DirectoryId $d -Name Trial -Image https://images.example/t.png -WhatIf"));
        Assert.DoesNotContain(_sandbox.Requests.ApiCalls(), r => r.Method != "GET");
    }

    [Fact]
    public void WhatIf_names_loyalty_badges_websites_and_wallets_with_their_ids()
    {
        var badge = Run("Get-LoyaltyBadge -First 1").ThrowIfErrors().Output.Single();
        var (id, name) = (badge.Property<Guid>("Id"), badge.Property<string>("Name"));
        var holder = Run("Get-LoyaltyBadgeUser -BadgeId $Id -First 1", ("Id", id)).ThrowIfErrors().Output.Single();
        var (wallet, user) = (holder.Property<string>("WalletAddress"), holder.Property<Guid>("UserId"));
        Run("Get-LoyaltyWebsite | Out-Null").ThrowIfErrors();
        var loyaltyBadge = $"loyalty badge '{name}' ({id})";

        Assert.Equal([$"What if: Performing the operation \"Set description to 'x'\" on target \"{loyaltyBadge}\"."],
            WhatIf("Get-LoyaltyBadge -First 1 | Set-LoyaltyBadge -Description x -WhatIf"));
        Assert.Equal([$"What if: Performing the operation \"Delete badge\" on target \"{loyaltyBadge}\"."],
            WhatIf("Remove-LoyaltyBadge -Id $Id -WhatIf", ("Id", id)));
        Assert.Equal([$"What if: Performing the operation \"Create badge 'New' with 1 condition(s)\" on target \"website 'Main Website' ({_sandbox.MainWebsiteId})\"."],
            WhatIf("New-LoyaltyBadge -Name New -ImageUrl https://cdn.example/n.png -Condition @{ type = 'points'; amount = 1 } -WhatIf"));
        // A holder piped in names the wallet and the user; a user id alone gets the wallet the connection read for it.
        Assert.Equal([$"What if: Performing the operation \"Revoke {loyaltyBadge}\" on target \"wallet {wallet} (user {user})\"."],
            WhatIf("Get-LoyaltyBadgeUser -BadgeId $Id -First 1 | Revoke-LoyaltyBadge -WhatIf", ("Id", id)));
        Assert.Equal([$"What if: Performing the operation \"Grant {loyaltyBadge}\" on target \"wallet {wallet} (user {user})\"."],
            WhatIf("Grant-LoyaltyBadge -BadgeId $Id -UserId $User -WhatIf", ("Id", id), ("User", user)));
        Assert.Equal([$"What if: Performing the operation \"Grant loyalty badge {LoyaltyBadge(7)}\" on target \"wallet 0xabc\"."],
            WhatIf("Grant-LoyaltyBadge -BadgeId $Id -WalletAddress 0xabc -WhatIf", ("Id", LoyaltyBadge(7)))); // never read: the id alone
        Assert.DoesNotContain(_sandbox.Requests.ApiCalls(), r => r.Method != "GET");
    }

    [Fact]
    public void Attaching_badges_an_entry_already_has_gives_one_error_per_badge_each_naming_it()
    {
        var badges = Run("Get-PartnerBadge -EntryId $e").ThrowIfErrors().Output;
        var entry = $"partner entry '{EntryName(Entry)}' ({Entry})";

        var result = Run("Get-PartnerBadge -EntryId $e | New-PartnerBadge -EntryId $e -Confirm:$false");

        Assert.Equal(badges.Count, result.Errors.Count);
        Assert.All(result.ErrorKinds(), k => Assert.Equal(("RequestRejected", ErrorCategory.InvalidArgument), k));
        var messages = result.Errors.Select(e => e.ErrorDetails.Message.Split(" (POST ")[0]).ToList();
        Assert.Equal(badges.Select((b, i) => $"Input row {i + 1}, badge '{b.Property<string>("Name")}' ({b.Property<Guid>("Id")}) on {entry}: id: This badge is already attached to this entry."),
            messages);
        Assert.Equal(messages.Count, messages.Distinct().Count());
    }

    [Fact]
    public void Csv_rows_that_fail_name_their_row_and_wallet_and_the_others_still_run()
    {
        var badge = LoyaltyBadge(2499); // one with active holders
        var holder = Run("Get-LoyaltyBadgeUser -BadgeId $B -Status active -First 1", ("B", badge)).ThrowIfErrors().Output.Single().Property<string>("WalletAddress");
        var stranger = BadgeAdmin.Sandbox.Snag.SnagData.WalletFor("not a holder");
        var csv = Csv("revoke.csv", "WalletAddress,UserId", holder + ",", stranger + ",", ",", "," + "not-a-guid");

        var result = Run("Import-Csv $Csv | Revoke-LoyaltyBadge -BadgeId $B -Confirm:$false", ("Csv", csv), ("B", badge));

        Assert.Equal(holder, Assert.Single(result.Output).Property<string>("WalletAddress"));
        // A refused row is reported at once; a failed request when its answer comes: in any order, each names its row.
        Assert.Equal(["InvalidUserId", "LoyaltyUserNotFound", "UserNotSpecified"], result.ErrorIds.Order());
        var notFound = result.Errors.Single(e => e.FullyQualifiedErrorId.StartsWith("LoyaltyUserNotFound", StringComparison.Ordinal));
        var noUser = result.Errors.Single(e => e.FullyQualifiedErrorId.StartsWith("UserNotSpecified", StringComparison.Ordinal));
        var badId = result.Errors.Single(e => e.FullyQualifiedErrorId.StartsWith("InvalidUserId", StringComparison.Ordinal));
        Assert.StartsWith($"Input row 2, wallet {stranger}, loyalty badge {badge}: User not found (POST ", notFound.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.StartsWith("Input row 3: No user: its UserId and WalletAddress cells are empty, so nothing was sent for it.", noUser.Exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("Input row 4: UserId 'not-a-guid' is not a GUID", badId.Exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wallet")]
    [InlineData("Address")]
    [InlineData("WalletAddress")]
    public void A_csv_wallet_column_named_Wallet_or_Address_binds(string column)
    {
        var wallets = new[] { "0x00000000000000000000000000000000000000d1", "0x00000000000000000000000000000000000000d2" };
        var csv = Csv("wallets.csv", [column, .. wallets]);

        var result = Run("Import-Csv $Csv | Grant-LoyaltyBadge -BadgeId $B", ("Csv", csv), ("B", LoyaltyBadge(4))).ThrowIfErrors();

        Assert.Equal(wallets, result.Output.Select(o => o.Property<string>("WalletAddress")));
        Assert.Equal(wallets.Select(w => $"{{\"walletAddress\":\"{w}\"}}"), _sandbox.Requests.ApiCalls().Select(r => r.Body).Order()); // sent concurrently
    }

    [Fact]
    public void A_csv_row_with_neither_user_nor_wallet_column_is_UserNotSpecified_naming_its_row_and_columns()
    {
        var csv = Csv("people.csv", "Email,Name", "ada@example.com,Ada", "bob@example.com,Bob");

        var result = Run("Import-Csv $Csv | Grant-LoyaltyBadge -BadgeId $B", ("Csv", csv), ("B", LoyaltyBadge(4)));

        Assert.Null(result.Terminating);
        Assert.Equal(["UserNotSpecified", "UserNotSpecified"], result.ErrorIds); // not the binder's InputObjectNotBound
        Assert.StartsWith("Input row 1: No user: give -UserId or -WalletAddress", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("(this row has: Email, Name)", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("Input row 2: ", result.Errors[1].Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Requests.ApiCalls());
    }

    [Fact]
    public void A_csv_row_with_an_empty_wallet_cell_says_the_cell_is_empty_naming_its_row()
    {
        var csv = Csv("gaps.csv", "Name,Wallet", "Ada,0x00000000000000000000000000000000000000d3", "Bob,", "Cy,  ");

        var result = Run("Import-Csv $Csv | Grant-LoyaltyBadge -BadgeId $B", ("Csv", csv), ("B", LoyaltyBadge(4)));

        Assert.Single(result.Output);
        Assert.Equal(["UserNotSpecified", "UserNotSpecified"], result.ErrorIds);
        Assert.Equal("Input row 2: No user: its Wallet cell is empty, so nothing was sent for it. Fill in a wallet address or a user id.", result.Errors[0].Exception.Message);
        Assert.StartsWith("Input row 3: No user: its Wallet cell is empty", result.Errors[1].Exception.Message, StringComparison.Ordinal);
        Assert.Single(_sandbox.Requests.ApiCalls());
    }

    [Theory]
    [InlineData("Grant-LoyaltyBadge", "Wallet,Address")]
    [InlineData("Revoke-LoyaltyBadge", "WalletAddress,Address")]
    public void A_csv_row_whose_wallet_columns_disagree_is_WalletAddressAmbiguous_naming_its_row(string command, string columns)
    {
        // Row 1 spells one wallet two ways (a checksummed and a lower-case 0x address); row 2 names two wallets.
        var csv = Csv("both.csv", columns, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed,0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            "0x00000000000000000000000000000000000000e1,0x00000000000000000000000000000000000000e2");
        var names = columns.Split(',');

        var result = Run($"Import-Csv $Csv | {command} -BadgeId $B -Confirm:$false", ("Csv", csv), ("B", LoyaltyBadge(4)));

        var refused = Assert.Single(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("WalletAddressAmbiguous,", StringComparison.Ordinal));
        Assert.Equal($"Input row 2: its {names[0]} cell (0x00000000000000000000000000000000000000e1) and {names[1]} cell (0x00000000000000000000000000000000000000e2) name different wallets, so nothing was sent for it. Keep one wallet column, or make them agree.",
            refused.Exception.Message);
        Assert.Equal(ErrorCategory.InvalidArgument, refused.CategoryInfo.Category);
        Assert.DoesNotContain(_sandbox.Requests.ApiCalls(), r => r.Body?.Contains("00000000000000e", StringComparison.Ordinal) == true);
        Assert.Single(_sandbox.Requests.ApiCalls()); // row 1 was sent
    }

    [Theory]
    [InlineData("Grant-LoyaltyBadge", "Wallet,Address")]
    [InlineData("Revoke-LoyaltyBadge", "WalletAddress,Address")]
    public void A_csv_row_whose_first_wallet_column_is_blank_uses_the_filled_one(string command, string columns)
    {
        var csv = Csv("later.csv", columns, ",0x00000000000000000000000000000000000000c2");

        var result = Run($"Import-Csv $Csv | {command} -BadgeId $B -Confirm:$false", ("Csv", csv), ("B", LoyaltyBadge(4)));

        Assert.DoesNotContain(result.ErrorIds, id => id is "UserNotSpecified" or "WalletAddressAmbiguous");
        Assert.Contains(_sandbox.Requests.ApiCalls(), r => r.Body?.Contains("0x00000000000000000000000000000000000000c2", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_change_typed_on_the_command_line_names_its_item_without_an_input_row()
    {
        var result = Run("Revoke-LoyaltyBadge -BadgeId $B -WalletAddress 0x1111111111111111111111111111111111111111 -Confirm:$false", ("B", LoyaltyBadge(5)));

        Assert.Equal("LoyaltyUserNotFound", Assert.Single(result.ErrorIds));
        Assert.StartsWith($"Wallet 0x1111111111111111111111111111111111111111, loyalty badge {LoyaltyBadge(5)}: User not found (POST ", result.Errors[0].ErrorDetails.Message, StringComparison.Ordinal);
    }
}
