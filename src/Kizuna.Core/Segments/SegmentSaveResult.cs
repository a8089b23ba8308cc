using Kizuna.Segments.Definitions;

namespace Kizuna.Segments;

/// <summary>The outcome of a save: the saved segment, or why there is none.</summary>
public sealed record SegmentSaveResult(SegmentSaveStatus Status, Segment? Segment = null, IReadOnlyList<SegmentError>? Problems = null)
{
    public static SegmentSaveResult Saved(Segment segment) => new(SegmentSaveStatus.Saved, segment);

    public static SegmentSaveResult Invalid(IReadOnlyList<SegmentError> problems) => new(SegmentSaveStatus.Invalid, null, problems);

    public static SegmentSaveResult Refused(SegmentSaveStatus status, string path, string message) => new(status, null, [new SegmentError(path, message)]);
}
