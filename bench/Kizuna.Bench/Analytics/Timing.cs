using System.Diagnostics;

namespace Kizuna.Bench.Analytics;

/// <summary>Median wall time of repeated runs, after one untimed warm-up run.</summary>
public static class Timing
{
    /// <summary>
    /// The median of <paramref name="runs"/> after a warm-up; a warm-up slower than <paramref name="singleRunMs"/>
    /// is the figure itself (a read of tens of seconds on the largest store says what it needs to in one run).
    /// </summary>
    public static async Task<double> MedianMsAsync(int runs, Func<Task> run, double singleRunMs = double.PositiveInfinity)
    {
        var warmUp = Stopwatch.StartNew();
        await run();
        if (warmUp.Elapsed.TotalMilliseconds > singleRunMs)
        {
            return warmUp.Elapsed.TotalMilliseconds;
        }

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
