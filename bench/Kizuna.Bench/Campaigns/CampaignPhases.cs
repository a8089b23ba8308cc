using System.Diagnostics;

namespace Kizuna.Bench.Campaigns;

/// <summary>
/// The two campaigns of W4c against the counting sink: one paused mid-send, resumed and left to finish (every
/// recipient must get exactly one message), and one cancelled mid-send (nobody twice, nothing after the messages
/// already handed over, and every message the server counts as sent at the sink).
/// </summary>
public sealed class CampaignPhases(CampaignApiClient api, CountingSmtpSink sink, ServerGroup group, CampaignBenchOptions options)
{
    public async Task<PauseResumeResult> PauseResumeAsync(long template, long segment, CancellationToken ct)
    {
        sink.Reset();
        var id = await api.CreateCampaignAsync("W4c pause and resume", template, segment, ct);
        var cpu = group.ProcessorTimes;
        var launched = Stopwatch.GetTimestamp();
        await api.ActAsync(id, "launch", ct);
        await WaitForAsync(() => sink.Received >= options.Recipients * options.PauseAt, "to pause", ct);
        var paused = Stopwatch.GetTimestamp();
        var atPause = sink.Received;
        var state = await api.ActAsync(id, "pause", ct);
        Console.WriteLine($"  paused ({state}) at {atPause:N0} messages, {Seconds(launched, sink.FirstArrival):0.0} s from launch to the first message");
        var (afterPause, lastPaused) = await HoldAsync(atPause, ct);
        var resumed = Stopwatch.GetTimestamp();
        Console.WriteLine($"  resumed ({await api.ActAsync(id, "resume", ct)}) after {afterPause - atPause:N0} more messages, the last {Seconds(paused, lastPaused):0.00} s after the pause call");
        await WaitForAsync(() => sink.Received > afterPause, "for the first message after the resume", ct, quiet: true);
        var again = Stopwatch.GetTimestamp();
        Console.WriteLine($"  the first message after the resume came {Seconds(resumed, again):0.0} s after the call");
        await WaitForAsync(() => sink.Received >= options.Recipients, "to finish", ct, quiet: true);
        var done = sink.LastArrival;
        var cpuUsed = group.ProcessorTimes.Zip(cpu, (after, before) => after - before).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(5), ct);   // anything late shows as a duplicate
        var tally = sink.Tally();
        var sending = Seconds(sink.FirstArrival, Math.Max(lastPaused, paused)) + Math.Max(0, Seconds(again, done));
        return new PauseResumeResult(
            sink.Received, sending, cpuUsed, afterPause - atPause, lastPaused > paused ? Seconds(paused, lastPaused) : 0, Seconds(resumed, again),
            tally, sink.SameMessageId, sink.Unknown, await api.ReportAsync(id, ct), await api.StateAsync(id, ct), new Dictionary<string, long>(sink.BySender));
    }

    public async Task<CancelResult> CancelAsync(long template, long segment, CancellationToken ct)
    {
        sink.Reset();
        var id = await api.CreateCampaignAsync("W4c cancel", template, segment, ct);
        await api.ActAsync(id, "launch", ct);
        await WaitForAsync(() => sink.Received >= options.Recipients * options.CancelAt, "to cancel", ct);
        var cancelled = Stopwatch.GetTimestamp();
        var atCancel = sink.Received;
        Console.WriteLine($"  cancelled ({await api.ActAsync(id, "cancel", ct)}) at {atCancel:N0} messages");
        var (after, last) = await HoldAsync(atCancel, ct);
        return new CancelResult(
            atCancel, after - atCancel, last > cancelled ? Seconds(cancelled, last) : 0, sink.Tally(), sink.SameMessageId,
            await api.ReportAsync(id, ct), await api.StateAsync(id, ct), new Dictionary<string, long>(sink.BySender));
    }

    /// <summary>Watches the sink for <see cref="CampaignBenchOptions.Hold"/> seconds: the count at the end and the last arrival.</summary>
    private async Task<(long Received, long LastArrival)> HoldAsync(long from, CancellationToken ct)
    {
        for (var s = 1; s <= options.Hold; s++)
        {
            await Task.Delay(1_000, ct);
            if (s % 15 == 0)
            {
                Console.WriteLine($"    {s} s: {sink.Received - from:N0} messages since");
            }
        }

        return (sink.Received, sink.LastArrival);
    }

    /// <summary>Waits for <paramref name="done"/>, printing the rate; with <paramref name="quiet"/> also gives up after a quiet hold.</summary>
    private async Task WaitForAsync(Func<bool> done, string what, CancellationToken ct, bool quiet = false)
    {
        var last = (Count: sink.Received, At: Stopwatch.GetTimestamp());
        while (!done())
        {
            await Task.Delay(250, ct);
            if (Seconds(last.At, Stopwatch.GetTimestamp()) >= 10)
            {
                var received = sink.Received;
                Console.WriteLine($"    {received:N0} messages ({(received - last.Count) / Seconds(last.At, Stopwatch.GetTimestamp()):N0}/s), waiting {what}");
                if (quiet && received == last.Count && Seconds(sink.LastArrival, Stopwatch.GetTimestamp()) > options.Hold)
                {
                    Console.WriteLine($"    nothing for {options.Hold} s: giving up waiting {what}");
                    return;
                }

                last = (received, Stopwatch.GetTimestamp());
            }
        }
    }

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;
}
