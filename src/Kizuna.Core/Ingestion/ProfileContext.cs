using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Kizuna.Ingestion;

/// <summary>
/// The parts of a message's <c>context</c> that describe the customer rather than the event; the newest value
/// of each is kept on the profile. JSON members stay raw text. Immutable, so its <see cref="Key"/> is computed once,
/// on the request thread that parsed the message.
/// </summary>
public sealed class ProfileContext(string? timezone, string? locale, string? deviceJson, string? campaignJson, string? libraryJson)
{
    public string? Timezone { get; } = timezone;

    public string? Locale { get; } = locale;

    public string? DeviceJson { get; } = deviceJson;

    public string? CampaignJson { get; } = campaignJson;

    public string? LibraryJson { get; } = libraryJson;

    public bool IsEmpty => Timezone is null && Locale is null && DeviceJson is null && CampaignJson is null && LibraryJson is null;

    /// <summary>
    /// A 64-bit fingerprint of these values. The profile stores the key of the last context it took, so the next
    /// message of the same visit (same device, same campaign) is recognised without parsing the stored JSON.
    /// </summary>
    public long Key { get; } = KeyOf(timezone, locale, deviceJson, campaignJson, libraryJson);

    private static long KeyOf(params ReadOnlySpan<string?> values)
    {
        var hash = new XxHash64();
        Span<byte> frame = stackalloc byte[4];
        Span<byte> buffer = stackalloc byte[256];
        foreach (var value in values)
        {
            // Each value is framed by its length (-1 for null), so ("ab", "c") and ("a", "bc") differ.
            var text = value ?? "";
            var length = Encoding.UTF8.GetByteCount(text);
            var bytes = length <= buffer.Length ? buffer[..length] : new byte[length];
            Encoding.UTF8.GetBytes(text, bytes);
            BinaryPrimitives.WriteInt32LittleEndian(frame, value is null ? -1 : length);
            hash.Append(frame);
            hash.Append(bytes);
        }

        return (long)hash.GetCurrentHashAsUInt64();
    }
}
