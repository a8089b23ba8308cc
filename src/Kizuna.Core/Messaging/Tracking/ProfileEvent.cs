using System.Text.Json.Nodes;

namespace Kizuna.Messaging.Tracking;

/// <summary>
/// An event messaging writes on a profile (<c>Email Opened</c>, <c>Unsubscribed</c>, …). <paramref name="Key"/>
/// becomes the event's messageId, so the same occurrence recorded twice (a retried request, a second open of the same
/// message) is kept once by ingestion's de-duplication.
/// </summary>
public sealed record ProfileEvent(long WorkspaceId, long ProfileId, string Name, string Key, JsonObject Properties, DateTimeOffset At);
