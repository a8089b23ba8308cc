namespace Kizuna.Bench.Segments;

/// <summary>One generated profile with everything the store keeps of it, the aggregates already summed.</summary>
public sealed record W3Profile(
    long Id,
    string Country,
    string Plan,
    int? Age,
    string Birthday,
    bool Unsubscribed,
    string Timezone,
    string Locale,
    string? RfmSegment,
    IReadOnlyList<W3Event> Events,
    IReadOnlyList<W3Order> Orders)
{
    public string TraitsJson => $$"""{"country":"{{Country}}","plan":"{{Plan}}"{{(Age is { } a ? $",\"age\":{a}" : "")}},"birthday":"{{Birthday}}","unsubscribed":{{(Unsubscribed ? "true" : "false")}}}""";

    public string ContextJson => $$"""{"timezone":"{{Timezone}}","locale":"{{Locale}}"}""";
}
