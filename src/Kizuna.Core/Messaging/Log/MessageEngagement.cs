namespace Kizuna.Messaging.Log;

/// <summary>An event recorded on the profile about one message (<c>Email Opened</c>, <c>Email Link Clicked</c>, …), with its properties as JSON.</summary>
public sealed record MessageEngagement(DateTimeOffset At, string Name, string? Properties);
