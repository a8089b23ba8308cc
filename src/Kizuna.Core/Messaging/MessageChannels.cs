namespace Kizuna.Messaging;

/// <summary>The stored and wire names of <see cref="MessageChannel"/>: <c>email</c>, <c>sms</c>, <c>push</c>, <c>in_app</c>, <c>content_card</c>, <c>webhook</c>.</summary>
public static class MessageChannels
{
    private static readonly Dictionary<string, MessageChannel> ByName = new(StringComparer.Ordinal)
    {
        ["email"] = MessageChannel.Email,
        ["sms"] = MessageChannel.Sms,
        ["push"] = MessageChannel.Push,
        ["in_app"] = MessageChannel.InApp,
        ["content_card"] = MessageChannel.ContentCard,
        ["webhook"] = MessageChannel.Webhook,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string Name(MessageChannel channel) => ByName.First(p => p.Value == channel).Key;

    public static bool TryParse(string? name, out MessageChannel channel) => ByName.TryGetValue(name ?? string.Empty, out channel);

    /// <summary>A channel as stored; the database holds no other.</summary>
    public static MessageChannel Parse(string stored) =>
        TryParse(stored, out var channel) ? channel : throw new InvalidDataException($"'{stored}' is not a channel.");
}
