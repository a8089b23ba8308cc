namespace Kizuna.Server.Messaging.Suppressions;

/// <summary>An entry of a batch that was not listed: its place in the batch, the field at fault (<c>entries[2].address</c>) and why.</summary>
public sealed record SuppressionFailure(int Index, string Field, string Error);
