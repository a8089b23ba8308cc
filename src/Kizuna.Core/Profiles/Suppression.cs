using System.Security.Cryptography;
using System.Text;

namespace Kizuna.Profiles;

/// <summary>How an erased identifier is remembered: a SHA-256 of <c>kind:value</c>, never the id itself.</summary>
public static class Suppression
{
    public static byte[] Hash(string kind, string value) => SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{value}"));
}
