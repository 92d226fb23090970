using System.Collections.ObjectModel;
using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Secrets;

/// <summary>Reads a secret with SecretManagement's Get-Secret, loading that module on demand.</summary>
internal static class SecretReader
{
    // Module-qualified, so only SecretManagement's Get-Secret is used; naming it loads the module when installed.
    private const string GetSecretScript = @"param($Name, $Vault)
if (-not (Get-Command -Name 'Microsoft.PowerShell.SecretManagement\Get-Secret' -ErrorAction Ignore)) { return }
$arguments = @{ Name = $Name; ErrorAction = 'Stop' }
if ($Vault) { $arguments['Vault'] = $Vault }
, (Microsoft.PowerShell.SecretManagement\Get-Secret @arguments)";

    /// <summary>
    /// The secret's value; null when SecretManagement is not installed. Throws <see cref="SecretLookupException"/>
    /// when Get-Secret fails.
    /// </summary>
    public static object? Read(PSCmdlet cmdlet, string name, string? vault)
    {
        Collection<PSObject> results;
        try
        {
            results = cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create(GetSecretScript), null, name, vault);
        }
        catch (RuntimeException ex)
        {
            throw new SecretLookupException(ex.Message, ex);
        }

        return results.Count == 0 ? null : results[0]?.BaseObject ?? throw new SecretLookupException($"The secret '{name}' is empty.");
    }
}
