using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>The production runtime: each call goes straight to the PowerShell engine through the cmdlet.</summary>
internal sealed class EngineCmdletRuntime : ICmdletRuntime
{
    private readonly PSCmdlet _cmdlet;

    public EngineCmdletRuntime(PSCmdlet cmdlet) => _cmdlet = cmdlet;

    public void WriteObject(object item) => _cmdlet.WriteObject(item);

    public void WriteError(CmdletError error) => _cmdlet.WriteError(error.ToErrorRecord());

    public void ThrowTerminatingError(CmdletError error) => _cmdlet.ThrowTerminatingError(error.ToErrorRecord());

    public bool ShouldProcess(string target, string action) => _cmdlet.ShouldProcess(target, action);

    public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);

    public void WriteWarning(string message) => _cmdlet.WriteWarning(message);

    public void WriteDebug(string message) => _cmdlet.WriteDebug(message);

    public bool DebugEnabled
    {
        get
        {
            if (_cmdlet.MyInvocation.BoundParameters.TryGetValue("Debug", out var debug))
            {
                return debug is SwitchParameter { IsPresent: true };
            }

            var preference = _cmdlet.GetVariableValue("DebugPreference");
            return preference is ActionPreference value && value != ActionPreference.SilentlyContinue;
        }
    }

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    // Module-qualified, so only SecretManagement's Get-Secret is used; naming it loads the module when installed.
    private const string GetSecretScript = @"param($Name, $Vault)
if (-not (Get-Command -Name 'Microsoft.PowerShell.SecretManagement\Get-Secret' -ErrorAction Ignore)) { return }
$arguments = @{ Name = $Name; ErrorAction = 'Stop' }
if ($Vault) { $arguments['Vault'] = $Vault }
, (Microsoft.PowerShell.SecretManagement\Get-Secret @arguments)";

    public object? GetSecret(string name, string? vault)
    {
        System.Collections.ObjectModel.Collection<PSObject> results;
        try
        {
            results = _cmdlet.InvokeCommand.InvokeScript(false, ScriptBlock.Create(GetSecretScript), null, name, vault);
        }
        catch (RuntimeException ex)
        {
            throw new SecretLookupException(ex.Message, ex);
        }

        return results.Count == 0 ? null : results[0]?.BaseObject ?? throw new SecretLookupException($"The secret '{name}' is empty.");
    }

    public string? PowerShellVersion => (_cmdlet.GetVariableValue("PSVersionTable") as System.Collections.IDictionary)?["PSVersion"]?.ToString();

    public PagingRequest Paging => _cmdlet.PagingParameters is { } paging
        ? new PagingRequest(paging.First, paging.Skip, paging.IncludeTotalCount.IsPresent)
        : PagingRequest.None;

    public void WriteTotalCount(ulong count, double accuracy) => _cmdlet.WriteObject(_cmdlet.PagingParameters.NewTotalCount(count, accuracy));

    public RunspaceConnections Connections => ConnectionRegistry.ForCurrentRunspace();
}
