using Microsoft.Extensions.Hosting;

namespace Kizuna.Segments;

/// <summary>Makes sure the sweep's chain of ticks exists when a node starts (it may have ended with a dead job).</summary>
public sealed class SegmentSweepStarter(SegmentSweep sweep) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await sweep.StartAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping before the first tick was scheduled: the next start schedules it
        }
    }
}
