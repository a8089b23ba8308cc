namespace Kizuna.Profiles;

/// <summary>
/// A customer search: <see cref="Text"/> matches user id, email or name; <see cref="TraitKey"/> with
/// <see cref="TraitValue"/> matches one trait exactly. Results are newest activity first.
/// </summary>
public sealed record ProfileQuery(string? Text = null, string? TraitKey = null, string? TraitValue = null, int Offset = 0, int Limit = 50);
