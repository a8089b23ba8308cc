namespace Kizuna.Server.Campaigns;

/// <summary>A targeted customer who got no message, in which run, and why.</summary>
public sealed record SkippedRecipientResponse(long ProfileId, int Run, string Reason);
