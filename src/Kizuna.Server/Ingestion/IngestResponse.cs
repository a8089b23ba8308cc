namespace Kizuna.Server.Ingestion;

/// <summary>
/// The answer to an ingestion request, sent after the stored messages are committed. <c>errors</c> lists the
/// messages that were refused; the others in the same batch were stored. <c>warnings</c> lists stored messages
/// of which a part was not acted on (an <c>Order Completed</c> without <c>order_id</c> is kept as behaviour, but
/// records no order), by index and field.
/// </summary>
public sealed record IngestResponse(bool Success, int Stored, int Duplicates, int Suppressed, IReadOnlyList<IngestErrorResponse> Errors)
{
    public IReadOnlyList<IngestErrorResponse> Warnings { get; init; } = [];
}

/// <summary>One refused message: its position in the request, its messageId, the field at fault and why.</summary>
public sealed record IngestErrorResponse(int Index, string? MessageId, string Field, string Reason);
