namespace Kizuna.Bench.Segments;

/// <summary>A generated event: the count name (<c>$page</c> for pages), its time, and the properties the segments read.</summary>
public sealed record W3Event(string CountName, string Type, string? Name, long Ts, long? Total, string? Category, string? ProductId)
{
    public string? PropertiesJson => Type == "page" ? null
        : Total is { } total ? $$"""{"total":{{total}},"category":"{{Category}}"}"""
        : ProductId is not null ? $$"""{"product_id":"{{ProductId}}","category":"{{Category}}"}"""
        : """{"channel":"email"}""";
}
