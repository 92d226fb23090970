using System;

namespace BadgeAdmin.Cmdlets.Secrets;

/// <summary>Get-Secret failed (no such secret or vault, a locked vault); the message is SecretManagement's.</summary>
internal sealed class SecretLookupException : Exception
{
    public SecretLookupException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
