using System.Text.Json.Nodes;

namespace Kizuna.Journeys.Actions;

/// <summary>
/// An update-profile node's write as rendered for one entry: the traits of one identify call, consent among them in
/// the shapes identify carries it (<c>email_subscribe</c>, <c>subscription_groups</c>), or the <see cref="Problem"/>
/// that stops it.
/// </summary>
public sealed record ProfileChanges(JsonObject Traits, string? Problem);
