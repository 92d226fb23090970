using BadgeAdmin.Cmdlets.Runtime;

namespace BadgeAdmin.Tests.Support;

/// <summary>Drives a cmdlet through Begin/Process/End as the engine would, binding each pipeline item with a callback.</summary>
internal static class CmdletRunner
{
    /// <summary>Runs the cmdlet once with no pipeline input.</summary>
    public static RecordingRuntime Run(BadgeAdminCmdlet cmdlet, RecordingRuntime? runtime = null) =>
        RunPipeline<object>(cmdlet, new object[] { null! }, (_, _) => { }, runtime);

    /// <summary>Runs the cmdlet over <paramref name="inputs"/>, calling <paramref name="bind"/> before each ProcessRecord.</summary>
    public static RecordingRuntime RunPipeline<T>(BadgeAdminCmdlet cmdlet, IEnumerable<T> inputs, Action<BadgeAdminCmdlet, T> bind, RecordingRuntime? runtime = null)
    {
        runtime ??= new RecordingRuntime();
        cmdlet.Runtime = runtime;
        try
        {
            cmdlet.InvokeBegin();
            foreach (var input in inputs)
            {
                bind(cmdlet, input);
                cmdlet.InvokeRecord();
            }

            cmdlet.InvokeEnd();
        }
        finally
        {
            cmdlet.Dispose();
        }

        return runtime;
    }
}
