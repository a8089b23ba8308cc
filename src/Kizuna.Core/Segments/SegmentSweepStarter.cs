using Microsoft.Extensions.Hosting;

namespace Kizuna.Segments;

/// <summary>Makes sure the sweep's chain of ticks exists when a node starts (it may have ended with a dead job).</summary>
public sealed class SegmentSweepStarter(SegmentSweep sweep, SegmentStore segments) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
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
