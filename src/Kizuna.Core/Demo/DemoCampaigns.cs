using System.Text.Json.Nodes;

namespace Kizuna.Demo;

/// <summary>The UTM campaigns some demo sessions arrive from.</summary>
internal static class DemoCampaigns
{
    private static readonly (string Name, string Source, string Medium)[] Campaigns =
    [
        ("spring_sakura_sale", "newsletter", "email"),
        ("summer_cold_brew", "instagram", "social"),
        ("autumn_tea_harvest", "google", "cpc"),
        ("new_year_fukubukuro", "line", "social"),
        ("loyalty_points_x2", "newsletter", "email"),
        ("matcha_guide", "blog", "referral"),
    ];

    /// <summary>A campaign for about a quarter of sessions, otherwise null.</summary>
    public static JsonObject? Maybe(Random rng)
    {
        if (rng.NextDouble() >= 0.25)
        {
            return null;
        }

        var (name, source, medium) = DemoPeople.Pick(rng, Campaigns);
        return new JsonObject { ["name"] = name, ["source"] = source, ["medium"] = medium };
    }
}
