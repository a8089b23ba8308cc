namespace Kizuna.Campaigns;

/// <summary>A targeted customer who got no message, and why (a template error for their data, no address, consent).</summary>
public sealed record SkippedRecipient(long ProfileId, int Run, string Reason);
