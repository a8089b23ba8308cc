using System.Buffers.Binary;

namespace Kizuna.Ingestion;

/// <summary>
/// Event ids: UUIDv7 (RFC 9562), time-ordered by when the event happened. The random bits come from a fast
/// non-cryptographic generator: an event id must be unique, not unguessable, and <see cref="Guid.CreateVersion7()"/>
/// asks the operating system's CSPRNG each time — a system call per event on the writer's hot path.
/// </summary>
internal static class EventIds
{
    private const long MaxMilliseconds = (1L << 48) - 1;

    public static Guid NewVersion7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = Math.Clamp(at.ToUnixTimeMilliseconds(), 0, MaxMilliseconds);   // 48 bits: 1970 to year 10889
        BinaryPrimitives.WriteInt64BigEndian(bytes, ms << 16);
        Random.Shared.NextBytes(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));   // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));   // variant 10
        return new Guid(bytes, bigEndian: true);
    }
}
