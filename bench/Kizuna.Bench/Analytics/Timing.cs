using System.Diagnostics;

namespace Kizuna.Bench.Analytics;

/// <summary>Median wall time of repeated runs, after one untimed warm-up run.</summary>
public static class Timing
{
    public static async Task<double> MedianMsAsync(int runs, Func<Task> run)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
