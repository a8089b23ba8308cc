namespace Kizuna.Profiles;

/// <summary>An id a profile is found by: kind <c>user</c> or <c>anonymous</c>.</summary>
public sealed record ProfileIdentity(string Kind, string Value);
