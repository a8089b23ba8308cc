using System.Text.Json;

namespace Kizuna.Segments;

/// <summary>
/// A full recompute's job payload: the segment, and the time it was asked for, which stamps its entries and exits
/// so a run repeated after a crash writes the same events (dropped as repeats).
/// </summary>
public sealed record RecomputePayload(long SegmentId, long RequestedAtMs)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static RecomputePayload FromJson(string json) => JsonSerializer.Deserialize<RecomputePayload>(json)!;
}
