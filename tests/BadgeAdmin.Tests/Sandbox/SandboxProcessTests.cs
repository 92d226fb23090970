using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Sandbox;

/// <summary>The sandbox as people run it (out/Sandbox/BadgeAdmin.Sandbox.dll): it stops on signals and says why it cannot start.</summary>
public sealed class SandboxProcessTests
{
    private static readonly string SandboxDll = Path.Combine(RepoPaths.Root, "out", "Sandbox", "BadgeAdmin.Sandbox.dll");

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_stops_the_sandbox_promptly(string signal)
    {
        using var sandbox = Start("--urls", "http://127.0.0.1:0");
        await WaitForListeningAsync(sandbox);

        using (var kill = Process.Start("kill", $"-{signal} {sandbox.Id}")) await kill.WaitForExitAsync();
        var stopped = await Task.WhenAny(sandbox.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(3))) is { IsCompletedSuccessfully: true } finished
            && sandbox.HasExited;

        if (!stopped) sandbox.Kill();
        Assert.True(stopped, $"SIG{signal} did not stop the sandbox within 3 s");
        Assert.Equal(0, sandbox.ExitCode);
    }

    [Fact]
    public async Task A_port_in_use_is_one_clear_line_and_exit_code_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var sandbox = Start("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var stderr = await sandbox.StandardError.ReadToEndAsync();
        await sandbox.WaitForExitAsync();

        Assert.Equal(1, sandbox.ExitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("already in use", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// Starts the sandbox as a terminal would. A test run started in the background (as CI may start it) has SIGINT
    /// ignored, and an ignored signal is inherited: env --default-signal gives the sandbox the disposition a user's
    /// terminal gives it.
    /// </summary>
    private static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(SandboxDll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return Process.Start(info)!;
    }

    private static async Task WaitForListeningAsync(Process sandbox)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await sandbox.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("BadgeAdmin sandbox listening", StringComparison.Ordinal)) return;
        }

        throw new InvalidOperationException("The sandbox exited before listening: " + await sandbox.StandardError.ReadToEndAsync());
    }
}
