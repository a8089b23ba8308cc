using System.Text.Json;
using Kizuna.Segments;
using Kizuna.Segments.Definitions;

namespace Kizuna.Server.Segments;

/// <summary>A segment: its current definition (JSON tree and text form), status, size and when it was last fully computed.</summary>
public sealed record SegmentResponse(
    long Id, string Name, string? Description, int Version, JsonElement Definition, string? Text, string Status,
    long Size, DateTimeOffset? ComputedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SegmentResponse From(Segment s, SegmentEngine engine) => new(
        s.Id, s.Name, s.Description, s.Version, JsonDocument.Parse(s.Definition).RootElement.Clone(), engine.TextOf(s.Definition),
        s.Status == SegmentStatus.Archived ? "archived" : "active", s.MemberCount, s.ComputedAt, s.CreatedAt, s.UpdatedAt);
}

/// <summary>One saved version of a segment's definition, newest first.</summary>
public sealed record SegmentVersionResponse(int Version, JsonElement Definition, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static SegmentVersionResponse From(SegmentVersion v) =>
        new(v.Version, JsonDocument.Parse(v.Definition).RootElement.Clone(), v.CreatedAt, v.CreatedBy);
}

/// <summary>One problem of a definition: the path of the wrong node and why; for the text form its line and column.</summary>
public sealed record SegmentProblemResponse(string Path, string Message, int? Line, int? Column)
{
    public static SegmentProblemResponse From(SegmentError e) => new(e.Path, e.Message, e.Line, e.Column);
}

/// <summary>The answer of <c>POST /api/segments/validate</c>: valid or not, the definition in both forms when valid, else its problems.</summary>
public sealed record ValidateSegmentResponse(bool Valid, JsonElement? Definition, string? Text, IReadOnlyList<SegmentProblemResponse> Problems);

/// <summary>A profile of a preview's sample.</summary>
public sealed record SampleProfileResponse(long ProfileId, string? UserId, string? Email)
{
    public static SampleProfileResponse From(SampleProfile p) => new(p.ProfileId, p.UserId, p.Email);
}

/// <summary>The answer of <c>POST /api/segments/preview</c>: how many profiles the definition holds now and the first of them.</summary>
public sealed record PreviewSegmentResponse(long Size, IReadOnlyList<SampleProfileResponse> Sample, double ElapsedMs);

/// <summary>A member of a segment, since when.</summary>
public sealed record SegmentMemberResponse(long ProfileId, string? UserId, string? Email, DateTimeOffset EnteredAt)
{
    public static SegmentMemberResponse From(SegmentMember m) => new(m.ProfileId, m.UserId, m.Email, m.EnteredAt);
}

/// <summary>One page of members in profile id order; pass <c>next</c> as <c>after</c> for the next page (null: the last page).</summary>
public sealed record SegmentMembersResponse(IReadOnlyList<SegmentMemberResponse> Items, long? Next);

/// <summary>One UTC day of a segment's size history.</summary>
public sealed record SegmentSizeResponse(DateOnly Day, long Size, long Entered, long Exited)
{
    public static SegmentSizeResponse From(SegmentSizePoint p) => new(p.Day, p.Size, p.Entered, p.Exited);
}

/// <summary>A segment a profile is in, since when.</summary>
public sealed record ProfileSegmentResponse(long SegmentId, string Name, DateTimeOffset EnteredAt)
{
    public static ProfileSegmentResponse From(SegmentMembership m) => new(m.SegmentId, m.SegmentName, m.EnteredAt);
}

/// <summary>The answer of <c>POST /api/segments/{id}/recompute</c>: the job that recomputes it.</summary>
public sealed record RecomputeSegmentResponse(long JobId);
