namespace Kizuna.Messaging.Consent;

/// <summary>What recording answers did: the ones that changed something, or the field at fault (an unknown group).</summary>
public sealed record ConsentResult(IReadOnlyList<ConsentApplied> Applied, string? Field = null, string? Error = null)
{
    public static ConsentResult Refused(string field, string error) => new([], field, error);
}
