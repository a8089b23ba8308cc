namespace Kizuna.Messaging.Export;

/// <summary>
/// How one request to an endpoint went: delivered (a 2xx), or not with the reason (the host and the status, never
/// the body) and whether trying again can help; <paramref name="RetryAfter"/> is the receiver's own
/// <c>Retry-After</c>, when it gave one.
/// </summary>
public sealed record ExportAttempt(bool Delivered, int? Status, string? Error, bool Transient, TimeSpan? RetryAfter = null);
