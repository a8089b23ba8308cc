using System.Text.Json;

namespace Kizuna.Server.Messaging;

/// <summary>
/// A test send of a template: its <c>version</c> (default the current one) to <c>to</c> (a profile, by user id or
/// profile id, whose data it is rendered with; or a bare email address), with <c>email</c> or <c>phone</c> for a profile
/// without an address or number of its own, and <c>data</c> for the template's <c>{{ data.… }}</c>.
/// </summary>
public sealed record TestSendRequest(
    int? Version = null, MessageRecipientRequest? To = null, string? Email = null, string? Phone = null, JsonElement? Data = null);
