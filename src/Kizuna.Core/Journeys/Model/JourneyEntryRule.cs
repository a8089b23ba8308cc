namespace Kizuna.Journeys.Model;

/// <summary>
/// How customers enter: <c>event</c> (a track event named <see cref="Event"/> whose properties pass
/// <see cref="Where"/>), <c>segment_entered</c> / <c>segment_left</c> (of <see cref="SegmentId"/>), or <c>api</c>
/// (<c>POST /api/journeys/{id}/entries</c> with data), or <c>audience</c> (every member of one of
/// <see cref="Segments"/> and of none of <see cref="ExcludeSegments"/>, at each occurrence of <see cref="Schedule"/>).
/// <see cref="Where"/> is written as the property filters of the segment language's <c>performed(…)</c>:
/// <c>property.cart_id exists, property.total > 50</c>.
/// </summary>
public sealed record JourneyEntryRule(
    string Kind,
    string? Event = null,
    string? Where = null,
    long? SegmentId = null,
    IReadOnlyList<long>? Segments = null,
    IReadOnlyList<long>? ExcludeSegments = null,
    AudienceSchedule? Schedule = null)
{
    public const string OnEvent = "event";
    public const string OnSegmentEntered = "segment_entered";
    public const string OnSegmentLeft = "segment_left";
    public const string OnApi = "api";
    public const string OnAudience = "audience";

    /// <summary>The track event that enters a customer, or null for API and audience entries.</summary>
    public string? TriggerEvent => Kind switch
    {
        OnEvent => Event,
        OnSegmentEntered => "Segment Entered",
        OnSegmentLeft => "Segment Exited",
        _ => null,
    };
}
