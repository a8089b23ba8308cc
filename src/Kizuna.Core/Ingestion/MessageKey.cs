using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Kizuna.Ingestion;

/// <summary>
/// The deduplication key of a message: a 64-bit hash of (workspace, messageId). An integer key keeps the
/// unique insert cheap; two different messageIds collide with probability ~n²/2⁶⁵ (about one in 37 million
/// for a billion messages), and a collision only drops the later message as a repeat.
/// </summary>
public static class MessageKey
{
    public static long Compute(long workspaceId, string messageId)
    {
        Span<byte> seed = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(seed, workspaceId);
        var hash = new XxHash64();
        hash.Append(seed);
        hash.Append(Encoding.UTF8.GetBytes(messageId));
        return (long)hash.GetCurrentHashAsUInt64();
    }
}
