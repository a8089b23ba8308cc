namespace Kizuna.Profiles;

/// <summary>A profile with every id it answers to, its per-event counts and the accounts it belongs to.</summary>
public sealed record ProfileDetail(Profile Profile, IReadOnlyList<ProfileIdentity> Identities, IReadOnlyList<EventCount> EventCounts, IReadOnlyList<ProfileAccount> Accounts);
