namespace Kizuna.Journeys.Model;

/// <summary>
/// A consent change an <c>update_profile</c> node makes: for <see cref="Channel"/> (email, sms, push) or for the
/// subscription group <see cref="Group"/> (its key), to <see cref="State"/> (<c>subscribed</c>, <c>opted_in</c> or
/// <c>unsubscribed</c>).
/// </summary>
public sealed record SubscriptionChange(string State, string? Channel = null, string? Group = null);
