using Dapper;
using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// Every workspace metric over a period with the period before it beside it: the entry point for the API and the
/// dashboard pages. Periods end where the overview's do (today, or an imported history's last day), so a 2011
/// history reads as well as live data.
/// </summary>
public sealed class MetricsService(
    Database database, OverviewService overview, CommerceMetricsReader commerce, NpsReader nps, EngagementReader engagement,
    CohortReader cohorts, SliceReader slices)
{
    /// <summary>The period of <paramref name="preset"/> ending on <paramref name="end"/>, or where the workspace's activity ends.</summary>
    public async Task<OverviewPeriod> PeriodAsync(long workspaceId, OverviewPreset preset, DateOnly? end, CancellationToken ct)
    {
        var last = end ?? OverviewPeriod.DefaultEnd(overview.Today, await overview.LatestActivityAsync(workspaceId, ct));
        if (preset != OverviewPreset.AllTime)
        {
            return OverviewPeriod.Ending(preset, last);
        }

        await using var connection = await database.OpenAsync(ct);
        var first = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MIN(placed_at) FROM orders WHERE workspace_id = @workspaceId", new { workspaceId }, cancellationToken: ct));
        var from = first is { } ms ? Days.Of(Epoch.Day(ms)) : last;
        from = from > last ? last : from < last.AddDays(1 - OverviewPeriod.MaxDays) ? last.AddDays(1 - OverviewPeriod.MaxDays) : from;
        return new OverviewPeriod(from, last);
    }

    /// <summary>Whether the workspace has the segment (a scope naming another workspace's segment reads nothing).</summary>
    public async Task<bool> SegmentExistsAsync(long workspaceId, long segmentId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM segments WHERE workspace_id = @workspaceId AND id = @segmentId",
            new { workspaceId, segmentId }, cancellationToken: ct)) > 0;
    }

    public Task<Compared<CommerceMetrics>> CommerceAsync(MetricsQuery query, CancellationToken ct) =>
        query.Scope.IsWorkspace
            ? commerce.ReadWorkspaceComparedAsync(query, query.Currency?.ToUpperInvariant(), ct)
            : commerce.ReadScopeComparedAsync(query, query.Currency?.ToUpperInvariant(), ct);

    public async Task<Compared<NpsResult>> NpsAsync(MetricsQuery query, CancellationToken ct) =>
        Compare(query, await nps.ReadAsync(query, ct), await nps.ReadAsync(query.Previous, ct));

    public async Task<Compared<EngagementMetrics>> EngagementAsync(MetricsQuery query, CancellationToken ct) =>
        Compare(query, await engagement.ReadAsync(query, ct), await engagement.ReadAsync(query.Previous, ct));

    public async Task<Compared<CohortRetention>> CohortsAsync(MetricsQuery query, CancellationToken ct) =>
        Compare(query, await cohorts.ReadAsync(query, ct), await cohorts.ReadAsync(query.Previous, ct));

    public async Task<Compared<SliceResult>> SlicesAsync(MetricsQuery query, SliceDimension dimension, string? trait, CancellationToken ct)
    {
        var currency = await CurrencyAsync(query, ct);
        return Compare(query,
            await slices.ReadAsync(query, currency, dimension, trait, ct),
            await slices.ReadAsync(query.Previous, currency, dimension, trait, ct));
    }

    /// <summary>The scope's members against everyone else (the query's scope must name a trait or a segment).</summary>
    public async Task<Compared<MembersComparison>> MembersAsync(MetricsQuery query, CancellationToken ct)
    {
        var scope = query.Scope with { Excluded = false };
        var (current, previous) = await commerce.ReadSplitComparedAsync(query with { Scope = scope }, query.Currency?.ToUpperInvariant(), ct);
        return Compare(query, new MembersComparison(scope, current.Members, current.Others), new MembersComparison(scope, previous.Members, previous.Others));
    }

    /// <summary>The currency asked for, else the one with most orders in the period, else in the period before.</summary>
    private async Task<string?> CurrencyAsync(MetricsQuery query, CancellationToken ct)
    {
        if (query.Currency is { } asked)
        {
            return asked.ToUpperInvariant();
        }

        var currencies = await commerce.CurrenciesAsync(query, ct);
        if (currencies.Count == 0)
        {
            currencies = await commerce.CurrenciesAsync(query.Previous, ct);
        }

        return currencies.Count > 0 ? currencies[0].Currency : null;
    }

    private static Compared<T> Compare<T>(MetricsQuery query, T current, T previous) =>
        new(query.Period, current, query.Period.Before(), previous);
}
