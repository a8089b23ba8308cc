using Kizuna.Campaigns;

namespace Kizuna.Server.Campaigns;

/// <summary>The audience before sending: how many match, how many fall in the control, each variant's share, and how many wait for an A/B test's winner.</summary>
public sealed record AudienceSizeResponse(long Total, long Control, IReadOnlyList<long> PerVariant, long HeldForWinner)
{
    public static AudienceSizeResponse From(AudienceSize s) => new(s.Total, s.Control, s.PerVariant, s.HeldForWinner);
}
