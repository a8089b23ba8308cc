using Microsoft.Extensions.Hosting;

namespace Kizuna.Segments;

/// <summary>
/// When a node starts: writes the events of transitions a crash left pending, and makes sure the sweep's chain of
/// ticks exists (it may have ended with a dead job).
/// </summary>
public sealed class SegmentSweepStarter(SegmentSweep sweep, SegmentStore segments, MembershipWriter writer) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await writer.WriteAllPendingAsync(stoppingToken);   // the events of transitions the last run left pending
            if ((await segments.ActiveAsync(stoppingToken)).Count > 0)
            {
                await sweep.StartAsync(stoppingToken);   // a store without segments has no sweep to run
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping before the first tick was scheduled: the next start schedules it
        }
    }
}
