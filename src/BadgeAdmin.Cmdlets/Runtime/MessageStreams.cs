using System.Management.Automation;
using System.Management.Automation.Remoting.Internal;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>
/// Verbose, warning and debug lines written without the engine's "Continue with this operation?" question.
/// -Debug on a compiled cmdlet sets its preferences to Inquire, so Cmdlet.WriteDebug and WriteVerbose would prompt at
/// the first line and fail under -NonInteractive (runbooks). These write the line as Receive-Job does, with the
/// question suppressed: it still goes to its stream, shown, captured or redirected as the preferences say.
/// </summary>
internal static class MessageStreams
{
    public static void Verbose(Cmdlet cmdlet, string text) => Write(cmdlet, PSStreamObjectType.Verbose, text);

    public static void Warning(Cmdlet cmdlet, string text) => Write(cmdlet, PSStreamObjectType.Warning, text);

    public static void Debug(Cmdlet cmdlet, string text) => Write(cmdlet, PSStreamObjectType.Debug, text);

    /// <summary>A line for the host (the information stream, as Write-Host writes): seen at a prompt, never part of the output.</summary>
    public static void Note(Cmdlet cmdlet, string text) =>
        cmdlet.WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST" });

    private static void Write(Cmdlet cmdlet, PSStreamObjectType stream, string text) =>
        new PSStreamObject(stream, text).WriteStreamObject(cmdlet, overrideInquire: true);
}
