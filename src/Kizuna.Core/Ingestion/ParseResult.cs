namespace Kizuna.Ingestion;

/// <summary>A parsed message, or why it was refused; <see cref="Warning"/> says what of a kept message was not acted on.</summary>
public readonly record struct ParseResult(IngestMessage? Message, IngestError? Error, IngestError? Warning = null);
