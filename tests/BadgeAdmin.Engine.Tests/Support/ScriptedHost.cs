using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation.Host;
using System.Security;

namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>
/// A host whose only interactive part is PromptForChoice (what ShouldProcess uses for -Confirm): it answers as a user at
/// the console would, from a scripted list, and records each prompt. Without a host (EngineSession's default), a prompt
/// fails instead of asking.
/// </summary>
public sealed class ScriptedHost : PSHost
{
    private readonly ScriptedHostUI _ui = new();

    /// <summary>Answers to give, one per prompt: true is "Yes", false is "No". An unexpected prompt fails the command.</summary>
    public Queue<bool> Answers => _ui.Answers;

    /// <summary>The message of every prompt, in the order asked ("Performing the operation … on target …").</summary>
    public List<string> Prompts => _ui.Prompts;

    /// <summary>The managed thread each prompt was asked on.</summary>
    public List<int> PromptThreads => _ui.PromptThreads;

    /// <summary>Every line written to the host (WriteLine), such as -WhatIf's "What if: …" lines.</summary>
    public List<string> Lines => _ui.Lines;

    /// <summary>Every Write-Progress record the host was given.</summary>
    public List<ProgressRecord> ProgressRecords => _ui.ProgressRecords;

    public override string Name => "BadgeAdmin.Engine.Tests";

    public override Version Version { get; } = new(1, 0);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => _ui;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    private sealed class ScriptedHostUI : PSHostUserInterface
    {
        public Queue<bool> Answers { get; } = new();

        public List<string> Prompts { get; } = new();

        public List<int> PromptThreads { get; } = new();

        public List<string> Lines { get; } = new();

        public List<ProgressRecord> ProgressRecords { get; } = new();

        public override PSHostRawUserInterface? RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(message);
            PromptThreads.Add(Environment.CurrentManagedThreadId);
            if (Answers.Count == 0) throw new InvalidOperationException("No scripted answer left for: " + message);
            var label = Answers.Dequeue() ? "&Yes" : "&No";
            var index = choices.ToList().FindIndex(c => c.Label == label);
            return index >= 0 ? index : throw new InvalidOperationException($"No '{label}' among the choices of: {message}");
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new InvalidOperationException("Unexpected prompt: " + message);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new InvalidOperationException("Unexpected credential prompt: " + message);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new InvalidOperationException("Unexpected credential prompt: " + message);

        public override string ReadLine() => throw new InvalidOperationException("Unexpected Read-Host.");

        public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("Unexpected Read-Host -AsSecureString.");

        public override void Write(string value)
        {
        }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value)
        {
        }

        public override void WriteLine(string value)
        {
            lock (Lines) Lines.Add(value);
        }

        public override void WriteErrorLine(string value)
        {
        }

        public override void WriteDebugLine(string message)
        {
        }

        public override void WriteProgress(long sourceId, ProgressRecord record) => ProgressRecords.Add(record);

        public override void WriteVerboseLine(string message)
        {
        }

        public override void WriteWarningLine(string message)
        {
        }
    }
}
