using Kizuna.Profiles;

namespace Kizuna.Server.Profiles;

/// <summary>An id a profile answers to: kind <c>user</c> or <c>anonymous</c>, and the value.</summary>
public sealed record ProfileIdentityResponse(string Kind, string Value)
{
    public static ProfileIdentityResponse From(ProfileIdentity identity) => new(identity.Kind, identity.Value);
}
