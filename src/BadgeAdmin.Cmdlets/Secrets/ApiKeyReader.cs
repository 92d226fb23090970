using System.Net;
using System.Security;

namespace BadgeAdmin.Cmdlets.Secrets;

/// <summary>Turns the SecureString a user passes into the string the HTTP header needs, at the last moment.</summary>
internal static class ApiKeyReader
{
    public static string ToPlainText(SecureString secure) => new NetworkCredential(string.Empty, secure).Password;
}
