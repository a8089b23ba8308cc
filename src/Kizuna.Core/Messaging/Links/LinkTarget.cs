using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Kizuna.Messaging.Links;

/// <summary>What a verified link names: the message and the profile it was sent to, in their workspace.</summary>
public sealed record LinkTarget(long WorkspaceId, long MessageId, long ProfileId)
{
    /// <summary>The target's bytes at the start of a link's payload: the three ids, big-endian.</summary>
    internal const int Size = 24;

    internal void Write(Span<byte> payload)
    {
        BinaryPrimitives.WriteInt64BigEndian(payload, WorkspaceId);
        BinaryPrimitives.WriteInt64BigEndian(payload[8..], MessageId);
        BinaryPrimitives.WriteInt64BigEndian(payload[16..], ProfileId);
    }

    internal static LinkTarget Read(ReadOnlySpan<byte> payload) => new(
        BinaryPrimitives.ReadInt64BigEndian(payload), BinaryPrimitives.ReadInt64BigEndian(payload[8..]), BinaryPrimitives.ReadInt64BigEndian(payload[16..]));

    /// <summary>The payload of a link protected with Data Protection, as links were signed before link keys; null for anything else.</summary>
    internal static byte[]? Earlier(IDataProtector protector, string token)
    {
        try
        {
            return protector.Unprotect(Base64Url.DecodeFromChars(token));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
