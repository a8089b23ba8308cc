using Kizuna.Campaigns;

namespace Kizuna.Demo;

/// <summary>A demo campaign to send: what it is, and how the customers answer each variant (<paramref name="Seed"/> keeps it the same).</summary>
internal sealed record DemoCampaignPlan(int Seed, string Name, CampaignDefinition Definition, IReadOnlyList<DemoRates> Rates);
