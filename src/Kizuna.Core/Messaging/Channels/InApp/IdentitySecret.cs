namespace Kizuna.Messaging.Channels.InApp;

/// <summary>
/// A workspace's identity-verification secret, and the one it replaced while that is still accepted
/// (<see cref="PreviousValidUntil"/> in the future).
/// </summary>
public sealed record IdentitySecret(string Secret, string? PreviousSecret, DateTimeOffset? PreviousValidUntil)
{
    /// <summary>The secrets a presented hash may be made with at <paramref name="now"/>: the current one first.</summary>
    public IEnumerable<string> AcceptedAt(DateTimeOffset now)
    {
        yield return Secret;
        if (PreviousSecret is { } previous && PreviousValidUntil > now)
        {
            yield return previous;
        }
    }
}
