using System;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Cmdlets.Sending;

/// <summary>One item's request that <see cref="OrderedSender"/> started, waiting for its turn to be written.</summary>
internal sealed class InFlight
{
    public InFlight(Task<object?> task, object target, Func<ApiException, (string ErrorId, object Target)> notFound, string? subject)
    {
        Task = task;
        Target = target;
        NotFound = notFound;
        Subject = subject;
    }

    /// <summary>What the item's error message starts with (see <see cref="ItemNames.Subject"/>).</summary>
    public string? Subject { get; }

    public Task<object?> Task { get; }

    public object Target { get; }

    public Func<ApiException, (string ErrorId, object Target)> NotFound { get; }
}
