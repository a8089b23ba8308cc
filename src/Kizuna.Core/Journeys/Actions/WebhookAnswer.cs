using System.Text.Json.Nodes;

namespace Kizuna.Journeys.Actions;

/// <summary>
/// How a webhook node's call ended: <see cref="Ok"/> with the receiver's <see cref="Status"/> and JSON
/// <see cref="Body"/> (null when it sent none, or no JSON, or more than the entry keeps), or a failure that is
/// <see cref="Transient"/> (tried again) or not, with a <see cref="Reason"/> that names no customer.
/// </summary>
public sealed record WebhookAnswer(bool Ok, bool Transient, int? Status, JsonNode? Body, string Reason);
