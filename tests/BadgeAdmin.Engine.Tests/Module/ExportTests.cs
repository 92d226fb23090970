using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Module;

/// <summary>
/// What users get when they keep or hand on the module's objects: ConvertTo-Json, Export-Csv and Export-Clixml give
/// plain values for the fields the module does not model and readable cells for a badge's lists, never .NET type
/// names or JsonElement internals ("ValueKind").
/// </summary>
public sealed class ExportTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    [Fact]
    public void Unmodelled_fields_read_like_a_hashtable_and_convert_to_json_as_plain_values()
    {
        var result = Session.Run("""
            $entry = Get-PartnerEntry -Name 'Acme Cloud'
            $entry.AdditionalFields.tier
            $entry.AdditionalFields.TIER
            $json = $entry | ConvertTo-Json -Depth 3 | ConvertFrom-Json
            $json.AdditionalFields.tier
            $json.AdditionalFields.badgeCount.GetType().Name
            $entry | ConvertTo-Json -Depth 3
            """).ThrowIfErrors();

        Assert.Equal(["Gold", "Gold", "Gold", "Int64"], result.Output.Take(4).Select(o => o.ToString()));
        Assert.DoesNotContain("ValueKind", result.Output[4].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_cells_hold_the_extra_fields_as_json_and_a_badges_lists_as_their_items()
    {
        var result = Session.Run("""
            $entry = Get-PartnerEntry -Name 'Acme Cloud' | ConvertTo-Csv | ConvertFrom-Csv
            ($entry.AdditionalFields | ConvertFrom-Json).tier
            $badge = Get-LoyaltyBadge -First 1
            $row = $badge | ConvertTo-Csv | ConvertFrom-Csv
            $row.Conditions -eq (@($badge.Conditions | ForEach-Object { "$_" }) -join '; ')
            $row.Rewards -eq (@($badge.Rewards | ForEach-Object { "$_" }) -join '; ')
            $row.UserBadges -like '0x* *'
            $row.PSObject.Properties.Value -join ' '
            """).ThrowIfErrors();

        Assert.Equal("Gold", result.Output[0].ToString());
        Assert.All(result.Output.Skip(1).Take(3), o => Assert.True((bool)o.BaseObject));
        Assert.DoesNotContain("System.", result.Output[4].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Clixml_keeps_the_extra_fields_as_a_hashtable_and_the_lists_as_lists()
    {
        var result = Session.Run("""
            $path = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString() + '.xml')
            try {
                Get-PartnerEntry -Name 'Acme Cloud' | Export-Clixml -Path $path
                $entry = Import-Clixml -Path $path
                $entry.AdditionalFields -is [hashtable]
                $entry.AdditionalFields.tier
                Get-LoyaltyBadge -First 1 | Export-Clixml -Path $path -Depth 3
                (Import-Clixml -Path $path).Conditions[0].Type
            } finally { Remove-Item $path -ErrorAction Ignore }
            """).ThrowIfErrors();

        Assert.Equal(["True", "Gold"], result.Output.Take(2).Select(o => o.ToString()));
        Assert.False(string.IsNullOrEmpty(result.Output[2].ToString()));
    }
}
