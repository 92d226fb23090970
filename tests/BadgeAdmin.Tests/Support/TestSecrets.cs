using System.Security;

namespace BadgeAdmin.Tests.Support;

/// <summary>Keys as the cmdlets take them.</summary>
internal static class TestSecrets
{
    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
