using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Kizuna.Ingestion;

/// <summary>
/// The deduplication key of a message: the time its client stated for it (ms since the epoch, 0 when it stated
/// none) and a 64-bit hash of (workspace, messageId). A client's retry repeats both. Leading with the stated time
/// puts a live stream's keys at the end of the index, so a commit of thousands of messages writes a few index
/// pages instead of one random page per message. Two different messageIds stated at the same millisecond collide
/// with probability ~n²/2⁶⁵ for n such messages, and a collision only drops the later message as a repeat.
/// </summary>
public readonly record struct MessageKey(long Stamp, long Hash)
{
    public static MessageKey Of(long workspaceId, IngestMessage message)
    {
        Span<byte> seed = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(seed, workspaceId);
        var hash = new XxHash64();
        hash.Append(seed);
        hash.Append(Encoding.UTF8.GetBytes(message.MessageId));
        return new MessageKey(message.StatedTimestamp?.ToUnixTimeMilliseconds() ?? 0, (long)hash.GetCurrentHashAsUInt64());
    }
}
