using System;
using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>
/// The questions a changing cmdlet asks: ShouldProcess per change, ShouldContinue before changes that confirm by
/// default. Where nobody can answer (input redirected, -NonInteractive, a host without a UI, or a host whose prompt
/// fails: see <see cref="ConfirmationGate"/>), the pipeline ends with ConfirmationRequired instead of hanging.
/// </summary>
internal sealed class Confirmation
{
    private readonly BadgeAdminCmdlet _cmdlet;

    public Confirmation(BadgeAdminCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>ShouldProcess, gated.</summary>
    public bool ShouldChange(string target, string action)
    {
        if (ConfirmationGate.WhyNobodyCanAnswer(_cmdlet) is { } why) _cmdlet.ThrowTerminating(ConfirmationGate.Required(_cmdlet, target, action, why, null));
        try
        {
            return _cmdlet.ShouldProcess(target, action);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException && !_cmdlet.CancelToken.IsCancellationRequested)
        {
            _cmdlet.ThrowTerminating(ConfirmationGate.Required(_cmdlet, target, action, "the host could not ask (" + ex.Message + ")", ex));
            return false;
        }
    }

    /// <summary>Asks one yes/no question (ShouldContinue) before a group of changes that confirm by default.</summary>
    public bool Once(string query, string caption, object target) => Ask(() => _cmdlet.ShouldContinue(query, caption), caption, target);

    /// <summary>
    /// One of a series of questions (ShouldContinue with "Yes to All" and "No to All", remembered in the two flags) for
    /// changes that confirm by default.
    /// </summary>
    public bool Each(string query, string caption, object target, ref bool yesToAll, ref bool noToAll)
    {
        if (yesToAll) return true;
        if (noToAll) return false;
        var (yes, no) = (false, false);
        var answer = Ask(() => _cmdlet.ShouldContinue(query, caption, ref yes, ref no), caption, target);
        (yesToAll, noToAll) = (yes, no);
        return answer;
    }

    private bool Ask(Func<bool> question, string caption, object target)
    {
        if (ConfirmationGate.WhyHostCannotAsk(_cmdlet.Host) is { } why) _cmdlet.ThrowTerminating(ConfirmationGate.Required(_cmdlet, target, caption, why, null));
        try
        {
            return question();
        }
        catch (Exception ex) when (ex is PSInvalidOperationException or System.Management.Automation.Host.HostException)
        {
            _cmdlet.ThrowTerminating(ConfirmationGate.Required(_cmdlet, target, caption, "the host could not ask (" + ex.Message + ")", ex));
            return false;
        }
    }
}
