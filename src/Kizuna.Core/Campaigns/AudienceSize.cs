namespace Kizuna.Campaigns;

/// <summary>
/// The audience before sending: <paramref name="Total"/> customers match (included, not excluded), of whom about
/// <paramref name="Control"/> fall in the campaign's control and <paramref name="PerVariant"/> receive each variant;
/// <paramref name="HeldForWinner"/> wait for an A/B test's winner.
/// </summary>
public sealed record AudienceSize(long Total, long Control, IReadOnlyList<long> PerVariant, long HeldForWinner);
