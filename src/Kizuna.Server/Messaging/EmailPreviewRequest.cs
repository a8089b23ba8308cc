using System.Text.Json;

namespace Kizuna.Server.Messaging;

/// <summary>
/// <c>POST /api/messages/preview</c>: a stored template as the email a customer would get (<c>profileId</c>, which
/// needs <c>profiles:read</c>), or for given <c>data</c>; the current version unless <c>version</c> names one.
/// </summary>
public sealed record EmailPreviewRequest(long? TemplateId, int? Version = null, string? ProfileId = null, JsonElement? Data = null);
