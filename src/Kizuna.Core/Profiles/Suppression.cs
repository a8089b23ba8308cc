using System.Security.Cryptography;
using System.Text;

namespace Kizuna.Profiles;

/// <summary>How an erased identifier is remembered: a SHA-256 of <c>kind:value</c>, never the id itself.</summary>
public static class Suppression
{
    /// <summary>The kind an erased profile's email address is remembered under, so no message reaches it again.</summary>
    public const string EmailKind = "email";

    public static byte[] Hash(string kind, string value) => SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{value}"));

    /// <summary>An address as it is hashed: trimmed and in lower case, so <c>Ann@Example.com</c> is the same person.</summary>
    public static string NormaliseEmail(string address) => address.Trim().ToLowerInvariant();
}
