using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>
/// What feeds a cmdlet's pipeline input, read from the text of the pipeline it was typed in: the script file it runs
/// from, or the line typed at a prompt. Used only to word a message, so anything unclear answers null.
/// </summary>
internal static class PipelineUpstream
{
    /// <summary>
    /// True when the command right before this one in its pipeline reads CSV (Import-Csv, ConvertFrom-Csv), so the
    /// Nth input item is the Nth row of the CSV.
    /// </summary>
    public static bool IsCsvReader(InvocationInfo invocation)
    {
        var name = CommandBefore(invocation);
        if (name is null) return false;
        name = name.Substring(name.LastIndexOf('\\') + 1);
        return name.Equals("Import-Csv", StringComparison.OrdinalIgnoreCase) || name.Equals("ipcsv", StringComparison.OrdinalIgnoreCase)
            || name.Equals("ConvertFrom-Csv", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The name of the command before this one in its pipeline, as typed; null when there is none or it cannot be told.</summary>
    public static string? CommandBefore(InvocationInfo invocation)
    {
        try
        {
            Ast root;
            int line;
            if (!string.IsNullOrEmpty(invocation.ScriptName) && File.Exists(invocation.ScriptName))
            {
                root = Parser.ParseFile(invocation.ScriptName, out _, out _);
                line = invocation.ScriptLineNumber;
            }
            else if (!string.IsNullOrEmpty(invocation.Line))
            {
                root = Parser.ParseInput(invocation.Line, out _, out _);
                line = 1;
            }
            else
            {
                return null;
            }

            var self = root.Find(a => a is CommandAst && a.Extent.StartLineNumber == line && a.Extent.StartColumnNumber == invocation.OffsetInLine, true);
            if (self?.Parent is not PipelineAst pipeline) return null;
            var at = pipeline.PipelineElements.ToList().IndexOf((CommandBaseAst)self);
            return at > 0 && pipeline.PipelineElements[at - 1] is CommandAst before ? before.GetCommandName() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ParseException)
        {
            return null; // only the wording of a message depends on it
        }
    }
}
