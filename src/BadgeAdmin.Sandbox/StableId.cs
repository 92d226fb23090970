using System.Security.Cryptography;
using System.Text;

namespace BadgeAdmin.Sandbox;

/// <summary>Seed ids derived from names, so the same seed has the same ids on every run (README examples and tests rely on it).</summary>
public static class StableId
{
    public static Guid For(string name)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes("badgeadmin-sandbox/" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40); // version 4 layout, like the real services' ids
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
