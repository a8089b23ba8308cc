namespace Kizuna.Bench.Segments;

/// <summary>JSON text to be written into a jsonb column.</summary>
public sealed record JsonText(string Text);
