using System;
using System.Threading;

namespace BadgeAdmin.Core.Diagnostics;

/// <summary>
/// Carries the observer of the current operation into the HTTP handlers. An AsyncLocal flows with the async call
/// chain (including into handlers and retries) without threading it through every client method.
/// </summary>
public static class RequestObserverScope
{
    private static readonly AsyncLocal<IRequestObserver?> CurrentObserver = new();

    public static IRequestObserver? Current => CurrentObserver.Value;

    /// <summary>Sets the observer until the returned scope is disposed.</summary>
    public static IDisposable Begin(IRequestObserver observer)
    {
        var previous = CurrentObserver.Value;
        CurrentObserver.Value = observer;
        return new Restore(previous);
    }

    private sealed class Restore : IDisposable
    {
        private readonly IRequestObserver? _previous;

        public Restore(IRequestObserver? previous) => _previous = previous;

        public void Dispose() => CurrentObserver.Value = _previous;
    }
}
