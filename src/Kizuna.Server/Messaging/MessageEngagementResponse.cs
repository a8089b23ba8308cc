using System.Text.Json;
using Kizuna.Messaging.Log;

namespace Kizuna.Server.Messaging;

/// <summary>An event recorded on the profile about the message, with its properties.</summary>
public sealed record MessageEngagementResponse(DateTimeOffset At, string Name, JsonElement? Properties)
{
    public static MessageEngagementResponse From(MessageEngagement e) =>
        new(e.At, e.Name, e.Properties is { } json ? JsonSerializer.Deserialize<JsonElement>(json) : null);
}
