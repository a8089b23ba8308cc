using System.Globalization;
using Kizuna.Storage;
using Kizuna.Work.Jobs;
using Microsoft.Extensions.Logging;

namespace Kizuna.Segments;

/// <summary>
/// Full recomputes on the <c>segment</c> queue: the member set from the SQL compiler, diffed against the stored
/// members, entries and exits written through <see cref="MembershipWriter"/>. Asked for on create, on every new
/// version and on demand; when a segment's members change, the segments that read it are recomputed after it.
/// </summary>
public sealed partial class SegmentRecompute(
    SegmentStore segments, SegmentEngine engine, MembershipWriter writer, SegmentLocks locks, JobQueue queue, TimeProvider time, ILogger<SegmentRecompute> logger) : IJobHandler
{
    public static readonly JobQueueSettings Settings = new("segment", BatchSize: 1, Lease: TimeSpan.FromMinutes(2), MaxAttempts: 5);

    /// <summary>Enqueues a recompute; <paramref name="key"/> makes it idempotent (one per saved version).</summary>
    public async Task<long> EnqueueAsync(Segment segment, string? key, CancellationToken ct) =>
        await queue.EnqueueAsync(new NewJob(
            Settings.Queue, new RecomputePayload(segment.Id, Epoch.ToMs(time.GetUtcNow())).ToJson(), key, WorkspaceId: segment.WorkspaceId), ct);

    /// <summary>The key of the recompute a saved version asks for.</summary>
    public static string VersionKey(Segment segment) => string.Create(CultureInfo.InvariantCulture, $"version:{segment.Id}:{segment.Version}");

    public async Task HandleAsync(IReadOnlyList<ClaimedJob> jobs, JobOutcomes outcomes, CancellationToken ct)
    {
        foreach (var job in jobs)
        {
            var payload = RecomputePayload.FromJson(job.Payload);
            if (await segments.FindAsync(job.WorkspaceId ?? 0, payload.SegmentId, ct) is not { Status: SegmentStatus.Active } segment)
            {
                continue;   // archived or deleted since it was asked for
            }

            var changed = await RecomputeAsync(segment, string.Create(CultureInfo.InvariantCulture, $"r{job.Id}"), Epoch.FromMs(payload.RequestedAtMs), ct);
            if (changed > 0)
            {
                await RecomputeReadersAsync(segment, job.Id, ct);
            }
        }
    }

    /// <summary>
    /// Computes the segment's members now and writes the difference; returns the number of entries and exits. The
    /// segment's lock is held from the evaluation to the last row, so no newer change is applied in between.
    /// </summary>
    public async Task<int> RecomputeAsync(Segment segment, string cause, DateTimeOffset at, CancellationToken ct)
    {
        await using var held = await locks.HoldAsync([segment], ct);
        var started = time.GetTimestamp();
        var members = await engine.MembersAsync(segment, ct);
        var transitions = await writer.ApplyAsync(segment, null, members, cause, at, ct);
        LogRecomputed(segment.Id, members.Count, transitions.Count, time.GetElapsedTime(started).TotalMilliseconds);
        return transitions.Count;
    }

    private async Task RecomputeReadersAsync(Segment segment, long jobId, CancellationToken ct)
    {
        var readers = (await segments.ListAsync(segment.WorkspaceId, includeArchived: false, ct))
            .Where(s => engine.ReadsSegments(s).Contains(segment.Id));
        foreach (var reader in readers)
        {
            await EnqueueAsync(reader, string.Create(CultureInfo.InvariantCulture, $"after:{segment.Id}:{jobId}:{reader.Id}"), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {SegmentId} recomputed: {Members} members, {Transitions} entries and exits in {Ms:F0} ms")]
    private partial void LogRecomputed(long segmentId, int members, int transitions, double ms);
}
