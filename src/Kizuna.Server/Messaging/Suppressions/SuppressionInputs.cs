using Kizuna.Messaging;
using Kizuna.Messaging.Suppressions;

namespace Kizuna.Server.Messaging.Suppressions;

/// <summary>Reads the suppression API's inputs, naming the field at fault.</summary>
internal static class SuppressionInputs
{
    public const int MaxEntries = 1000;

    public const string ChannelError = "The channel is email or sms.";

    public static string ReasonError { get; } = $"The reason is one of {string.Join(", ", SuppressionReasons.All)}.";

    /// <summary>The entry in its listed form, or the field at fault and why.</summary>
    public static (SuppressionRequest? Request, SuppressionFailure? Failure) Entry(int index, SuppressionEntryRequest? entry, string defaultRegion)
    {
        var field = $"entries[{index}]";
        if (entry is null)
        {
            return (null, new SuppressionFailure(index, field, "Give an entry with channel, address and reason."));
        }

        if (!TryChannel(entry.Channel, out var channel))
        {
            return (null, new SuppressionFailure(index, $"{field}.channel", ChannelError));
        }

        if (SuppressionAddresses.Normalise(channel, entry.Address, defaultRegion, out var error) is not { } address)
        {
            return (null, new SuppressionFailure(index, $"{field}.address", error!));
        }

        if (!SuppressionReasons.IsKnown(entry.Reason))
        {
            return (null, new SuppressionFailure(index, $"{field}.reason", ReasonError));
        }

        if (entry.Note is { Length: > 200 })
        {
            return (null, new SuppressionFailure(index, $"{field}.note", "The note is at most 200 characters."));
        }

        return (new SuppressionRequest(channel, address, entry.Reason!, string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim()), null);
    }

    /// <summary>A channel the list covers.</summary>
    public static bool TryChannel(string? name, out MessageChannel channel) =>
        MessageChannels.TryParse(name, out channel) && SuppressionAddresses.Covers(channel);

    /// <summary>A page cursor, <c>channel:address</c> as a previous page's <c>next</c> gave it.</summary>
    public static bool TryCursor(string after, out MessageChannel channel, out string address)
    {
        var colon = after.IndexOf(':', StringComparison.Ordinal);
        address = colon > 0 ? after[(colon + 1)..] : "";
        return TryChannel(colon > 0 ? after[..colon] : null, out channel) & address.Length > 0;
    }

    public static string Cursor(SuppressedAddress entry) => $"{MessageChannels.Name(entry.Channel)}:{entry.Address}";
}
