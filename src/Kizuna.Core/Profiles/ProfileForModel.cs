using Kizuna.Commerce;

namespace Kizuna.Profiles;

/// <summary>A profile with what its template model shows besides: its latest order and its computed values.</summary>
public sealed record ProfileForModel(Profile Profile, Order? LatestOrder, IReadOnlyList<ProfileValue> Values);
