using Kizuna.Analytics;
using Kizuna.Analytics.Metrics;

namespace Kizuna.Bench.Analytics;

/// <summary>
/// The full analytics computation W7 times, as the service computes it, over one period: the commerce figures with
/// their monthly trend, cohorts, revenue by country and by product, and members of a country against the rest.
/// pandas and DuckDB compute the same list (<see cref="DuckDbSuite"/>, w7_pandas.py).
/// </summary>
public sealed class KizunaSuite(IServiceProvider services, long workspaceId, OverviewPeriod period, string memberCountry)
{
    private readonly CommerceMetricsReader _commerce = (CommerceMetricsReader)services.GetService(typeof(CommerceMetricsReader))!;
    private readonly CohortReader _cohorts = (CohortReader)services.GetService(typeof(CohortReader))!;
    private readonly SliceReader _slices = (SliceReader)services.GetService(typeof(SliceReader))!;

    public CommerceMetrics? Last { get; private set; }

    /// <summary>Milliseconds of each step in the last run, to show where the time goes.</summary>
    public Dictionary<string, double> Steps { get; } = [];

    public async Task RunAsync()
    {
        var ct = CancellationToken.None;
        var query = new MetricsQuery(workspaceId, period, MetricsScope.Workspace);
        var members = MetricsScope.Trait("country", memberCountry);
        string? currency = null;
        await StepAsync("currencies", async () => currency = (await _commerce.CurrenciesAsync(query, ct))[0].Currency);
        await StepAsync("commerce", async () => Last = await _commerce.ReadAsync(query, currency, ct));
        await StepAsync("cohorts", () => _cohorts.ReadAsync(query, ct));
        await StepAsync("by country", () => _slices.ReadAsync(query, currency, SliceDimension.Trait, "country", ct));
        await StepAsync("by product", () => _slices.ReadAsync(query, currency, SliceDimension.Product, null, ct));
        await StepAsync("members", () => _commerce.ReadAsync(query with { Scope = members }, currency, ct));
        await StepAsync("non-members", () => _commerce.ReadAsync(query with { Scope = members.Complement() }, currency, ct));
    }

    private async Task StepAsync(string name, Func<Task> step)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await step();
        Steps[name] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
