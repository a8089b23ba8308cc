using System.Globalization;
using System.Security.Claims;
using Kizuna.Analytics;
using Kizuna.Analytics.Metrics;
using Kizuna.Profiles;
using Kizuna.Server.Security;

namespace Kizuna.Server.Analytics;

/// <summary>
/// The query parameters every analytics endpoint takes: the period (<c>preset</c> with an optional <c>end</c>, or
/// <c>from</c> and <c>to</c>), the scope (<c>trait</c> and <c>value</c>, or <c>segment</c>), the <c>currency</c> and
/// the <c>format</c> (json or csv). Read as text and checked here, so each mistake gets a 400 naming its parameter.
/// </summary>
public sealed record AnalyticsParameters(
    string? Preset, string? From, string? To, string? End, string? Trait, string? Value, string? Segment, string? Currency, string? Format)
{
    // Days far enough inside DateOnly's range that a period and the one before it can always be computed.
    private static readonly DateOnly FirstDay = new(1970, 1, 1);
    private static readonly DateOnly LastDay = new(2199, 12, 31);

    private static readonly Dictionary<string, OverviewPreset> Presets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["7d"] = OverviewPreset.Last7Days,
        ["30d"] = OverviewPreset.Last30Days,
        ["90d"] = OverviewPreset.Last90Days,
        ["12m"] = OverviewPreset.Last12Months,
        ["mtd"] = OverviewPreset.MonthToDate,
        ["ytd"] = OverviewPreset.YearToDate,
        ["all"] = OverviewPreset.AllTime,
        ["custom"] = OverviewPreset.Custom,
    };

    public static string PresetNames => string.Join(", ", Presets.Keys);

    /// <summary>The query these parameters describe, or the errors by parameter name.</summary>
    public async Task<(MetricsQuery? Query, Dictionary<string, string[]> Errors)> ResolveAsync(ClaimsPrincipal user, MetricsService metrics, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var workspaceId = user.WorkspaceIdOf();
        var preset = OverviewPreset.Last30Days;
        if (!string.IsNullOrEmpty(Preset) && !Presets.TryGetValue(Preset, out preset))
        {
            errors["preset"] = [$"must be one of {PresetNames}"];
        }

        var from = Date(From, "from", errors);
        var to = Date(To, "to", errors);
        var end = Date(End, "end", errors);
        var custom = preset == OverviewPreset.Custom || From is not null || To is not null;
        if (custom && !string.IsNullOrEmpty(Preset) && preset != OverviewPreset.Custom)
        {
            errors["preset"] = ["must be custom (or left out) when from and to are given"];
        }
        else if (custom && End is not null)
        {
            errors["end"] = ["goes with a preset; a custom range has from and to"];
        }
        else if (custom && (From is null || To is null))
        {
            errors[From is null ? "from" : "to"] = ["is required for a custom range (yyyy-MM-dd)"];
        }
        else if (from is { } f && to is { } t && f > t)
        {
            errors["from"] = ["must not be after to"];
        }
        else if (from is { } first && to is { } last && OverviewPeriod.Custom(first, last) is null)
        {
            errors["to"] = [$"the range may cover at most {OverviewPeriod.MaxDays} days"];
        }

        var scope = Scope(errors);
        if (Currency is not null && (Currency.Length != 3 || !Currency.All(char.IsAsciiLetter)))
        {
            errors["currency"] = ["must be a three-letter ISO 4217 code"];
        }

        if (Format is not (null or "json" or "csv"))
        {
            errors["format"] = ["must be json or csv"];
        }

        if (errors.Count == 0 && scope.SegmentId is { } segmentId && !await metrics.SegmentExistsAsync(workspaceId, segmentId, ct))
        {
            errors["segment"] = [$"no segment {segmentId} in this workspace"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var period = custom ? new OverviewPeriod(from!.Value, to!.Value) : await metrics.PeriodAsync(workspaceId, preset, end, ct);
        return (new MetricsQuery(workspaceId, period, scope, Currency?.ToUpperInvariant()), errors);
    }

    /// <summary>Whether the answer is CSV: <c>format=csv</c>, or an Accept header asking for text/csv when no format is given.</summary>
    public bool WantsCsv(HttpRequest request) =>
        Format == "csv" || (Format is null && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));

    private MetricsScope Scope(Dictionary<string, string[]> errors)
    {
        if (Segment is not null && Trait is not null)
        {
            errors["segment"] = ["cannot be combined with trait; filter by one or the other"];
            return MetricsScope.Workspace;
        }

        if (Segment is not null)
        {
            if (long.TryParse(Segment, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return MetricsScope.Segment(id);
            }

            errors["segment"] = ["must be a segment id (a positive whole number)"];
            return MetricsScope.Workspace;
        }

        if (Trait is null)
        {
            if (Value is not null)
            {
                errors["trait"] = ["is required with value"];
            }

            return MetricsScope.Workspace;
        }

        if (string.IsNullOrWhiteSpace(Trait) || Trait.Length > 200 || !TraitNames.CanQuote(Trait))
        {
            errors["trait"] = ["must be a trait name of 1 to 200 characters, without quotes or control characters"];
        }

        if (Value is null)
        {
            errors["value"] = ["is required with trait"];
        }

        return MetricsScope.Trait(Trait.Trim(), Value ?? "");
    }

    private static DateOnly? Date(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day >= FirstDay && day <= LastDay)
        {
            return day;
        }

        errors[name] = ["must be a date written yyyy-MM-dd, from 1970-01-01 to 2199-12-31"];
        return null;
    }
}
