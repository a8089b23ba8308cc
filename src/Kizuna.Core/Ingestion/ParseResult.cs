namespace Kizuna.Ingestion;

/// <summary>A parsed message, or why it was refused.</summary>
public readonly record struct ParseResult(IngestMessage? Message, IngestError? Error);
