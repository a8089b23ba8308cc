namespace Kizuna.Bench.Templates;

/// <summary>DotLiquid reads only its own <see cref="DotLiquid.Hash"/>; this converts the shared workload data once.</summary>
internal static class DotLiquidData
{
    public static DotLiquid.Hash From(
        Dictionary<string, object?> customer,
        Dictionary<string, object?> campaign,
        List<Dictionary<string, object?>> recommendations,
        List<Dictionary<string, object?>> products)
    {
        var hash = new DotLiquid.Hash
        {
            ["customer"] = DotLiquid.Hash.FromDictionary(customer!),
            ["campaign"] = DotLiquid.Hash.FromDictionary(campaign!),
            ["recommendations"] = recommendations.Select(p => DotLiquid.Hash.FromDictionary(p!)).ToList(),
            ["products"] = products.Select(p => DotLiquid.Hash.FromDictionary(p!)).ToList(),
        };
        return hash;
    }
}
