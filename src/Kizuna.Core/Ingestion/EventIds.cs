using System.Buffers.Binary;

namespace Kizuna.Ingestion;

/// <summary>
/// Event ids: UUIDv7 (RFC 9562), time-ordered by when the event happened. The random bits come from a fast
/// non-cryptographic generator: an event id must be unique, not unguessable, and <see cref="Guid.CreateVersion7()"/>
/// asks the operating system's CSPRNG each time — a system call per event on the writer's hot path.
/// </summary>
internal static class EventIds
{
    public static Guid NewVersion7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, at.ToUnixTimeMilliseconds() << 16);
        Random.Shared.NextBytes(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));   // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));   // variant 10
        return new Guid(bytes, bigEndian: true);
    }
}
