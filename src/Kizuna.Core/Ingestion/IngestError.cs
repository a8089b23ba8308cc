namespace Kizuna.Ingestion;

/// <summary>Why one message was refused: its position in the request, its messageId if it had one, the field and the reason.</summary>
public sealed record IngestError(int Index, string? MessageId, string Field, string Reason);
