namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// The workspace's global control group: <paramref name="Percent"/> of profiles (by their stable random bucket, salted
/// with <paramref name="Salt"/> so it is not the segments' samples) receive no marketing at all, so campaigns can
/// compare their conversions with everyone else's. Transactional messages still reach them.
/// </summary>
public sealed record ControlGroup(int Percent, long Salt = 7919)
{
    public bool Contains(long profileId) => profileId > 0 && Segments.Definitions.RandomBucket.Of(profileId, Salt) < Percent;
}
