namespace Kizuna.Messaging.Checks;

/// <summary>What a check said about one message: send it later (<paramref name="Until"/>) or not at all; the reason is kept in its history.</summary>
public sealed record SendDecision(SendVerdict Verdict, string Reason, DateTimeOffset? Until = null);
