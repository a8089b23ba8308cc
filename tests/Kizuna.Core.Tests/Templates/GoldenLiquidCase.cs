using System.Text.Json;

namespace Kizuna.Templates;

/// <summary>One case of the shared golden-liquid conformance suite.</summary>
public sealed record GoldenLiquidCase(
    string Name,
    string Template,
    JsonElement Data,
    string? Result,
    IReadOnlyList<string> Results,
    bool Invalid,
    IReadOnlyDictionary<string, string> Partials,
    IReadOnlyList<string> Tags)
{
    public bool Accepts(string output) => Results.Count > 0 ? Results.Contains(output) : output == Result;
}
