namespace Kizuna.Segments;

/// <summary>What an unsaved definition would hold now: its size and the first members by profile id.</summary>
public sealed record SegmentPreview(long Size, IReadOnlyList<SampleProfile> Sample);
