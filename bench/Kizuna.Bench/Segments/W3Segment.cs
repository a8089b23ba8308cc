namespace Kizuna.Bench.Segments;

/// <summary>One of W3's ten segments: its definition in the text form and the same question in DuckDB's SQL.</summary>
public sealed record W3Segment(string Name, string Definition, string DuckSql);
