namespace Kizuna.Messaging.Suppressions;

/// <summary>An address to list, already in its listed form (<see cref="SuppressionAddresses.Normalise"/>), with a known reason and an optional note.</summary>
public sealed record SuppressionRequest(MessageChannel Channel, string Address, string Reason, string? Note);
