namespace Kizuna.Server.Messaging.Consent;

/// <summary>
/// A subscription group as written: <c>key</c> (lower-case letters, digits, <c>_</c> and <c>-</c>; fixed once
/// created), <c>channel</c> (fixed too), <c>name</c> and <c>description</c> with their Japanese versions, <c>optIn</c>
/// (only subscribers get it; otherwise everyone until they leave) and <c>archived</c>.
/// </summary>
public sealed record SubscriptionGroupRequest(
    string? Key, string? Channel, string? Name, string? Description = null, string? NameJa = null, string? DescriptionJa = null, bool OptIn = false, bool Archived = false);
