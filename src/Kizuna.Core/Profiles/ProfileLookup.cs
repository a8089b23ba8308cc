namespace Kizuna.Profiles;

/// <summary>How a caller names a profile.</summary>
public enum ProfileLookupKind
{
    Id,
    UserId,
    AnonymousId,
    Email,
}

/// <summary>A profile named by one of its ids or its email.</summary>
public sealed record ProfileLookup(ProfileLookupKind Kind, string Value);
