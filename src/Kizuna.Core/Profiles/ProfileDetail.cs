namespace Kizuna.Profiles;

/// <summary>A profile with every id it answers to and its per-event counts.</summary>
public sealed record ProfileDetail(Profile Profile, IReadOnlyList<ProfileIdentity> Identities, IReadOnlyList<EventCount> EventCounts);
