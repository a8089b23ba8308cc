using System.Globalization;
using Kizuna.Analytics.Baskets;
using Kizuna.Analytics.Metrics;
using Kizuna.Profiles;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Analytics;

/// <summary>
/// Workspace metrics under <c>/api/analytics</c>: each over a period with the period before it, as JSON or, with
/// <c>format=csv</c> or <c>Accept: text/csv</c>, as a CSV file. Parameters are described by <see cref="AnalyticsParameters"/>.
/// </summary>
public static class AnalyticsApi
{
    private const string CsvNote = " Add format=csv (or send Accept: text/csv) for a CSV file.";

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/analytics").WithTags("Analytics");
        group.MapGet("/commerce", CommerceAsync).RequireScope(Scopes.AnalyticsRead)
            .WithSummary("Revenue, orders, customers, AOV, frequency, repeat rate, LTV, time between orders." + CsvNote);
        group.MapGet("/nps", NpsAsync).RequireScope(Scopes.AnalyticsRead)
            .WithSummary("Net Promoter Score from Survey Responded answers, with distribution, trend and 95% interval." + CsvNote);
        group.MapGet("/engagement", EngagementAsync).RequireScope(Scopes.AnalyticsRead)
            .WithSummary("Pages per session, sessions per customer, conversion, email/SMS/push open and click rates." + CsvNote);
        group.MapGet("/cohorts", CohortsAsync).RequireScope(Scopes.AnalyticsRead)
            .WithSummary("Retention by first-order month for the cohorts that began in the period." + CsvNote);
        group.MapGet("/slices", SlicesAsync).RequireScope(Scopes.AnalyticsRead)
            .WithSummary("Purchases by trait (by=trait&sliceTrait=gender), age band, product or category." + CsvNote);
        group.MapGet("/members", MembersAsync).RequireScope(Scopes.AnalyticsRead)
            .WithSummary("Members of a trait value or segment against everyone else: AOV, frequency, spend." + CsvNote);
        group.MapGet("/baskets", BasketsAsync).RequireScope(Scopes.AnalyticsRead)
            .WithSummary("Market-basket association rules (FP-Growth) with support, confidence and lift." + CsvNote);
        return routes;
    }

    private static Task<Results<Ok<ComparedResponse<CommerceResponse>>, FileContentHttpResult, ValidationProblem>> CommerceAsync(
        [AsParameters] AnalyticsParameters parameters, HttpContext http, MetricsService metrics, CancellationToken ct) =>
        AnswerAsync(parameters, http, metrics, q => metrics.CommerceAsync(q, ct), c => Compare(c, CommerceResponse.From), AnalyticsCsv.Commerce, ct);

    private static Task<Results<Ok<ComparedResponse<NpsResponse>>, FileContentHttpResult, ValidationProblem>> NpsAsync(
        [AsParameters] AnalyticsParameters parameters, HttpContext http, MetricsService metrics, CancellationToken ct) =>
        AnswerAsync(parameters, http, metrics, q => metrics.NpsAsync(q, ct), c => Compare(c, NpsResponse.From), AnalyticsCsv.Nps, ct);

    private static Task<Results<Ok<ComparedResponse<EngagementResponse>>, FileContentHttpResult, ValidationProblem>> EngagementAsync(
        [AsParameters] AnalyticsParameters parameters, HttpContext http, MetricsService metrics, CancellationToken ct) =>
        AnswerAsync(parameters, http, metrics, q => metrics.EngagementAsync(q, ct), c => Compare(c, EngagementResponse.From), AnalyticsCsv.Engagement, ct);

    private static Task<Results<Ok<ComparedResponse<IReadOnlyList<CohortResponse>>>, FileContentHttpResult, ValidationProblem>> CohortsAsync(
        [AsParameters] AnalyticsParameters parameters, HttpContext http, MetricsService metrics, CancellationToken ct) =>
        AnswerAsync(parameters, http, metrics, q => metrics.CohortsAsync(q, ct), c => Compare(c, CohortResponse.From), AnalyticsCsv.Cohorts, ct);

    private static async Task<Results<Ok<ComparedResponse<SliceResponse>>, FileContentHttpResult, ValidationProblem>> SlicesAsync(
        [AsParameters] AnalyticsParameters parameters, HttpContext http, MetricsService metrics, CancellationToken ct, string? by = null, string? sliceTrait = null)
    {
        SliceDimension? dimension = by switch
        {
            "trait" => SliceDimension.Trait,
            "age_band" => SliceDimension.AgeBand,
            "product" => SliceDimension.Product,
            "category" => SliceDimension.Category,
            _ => null,
        };
        if (dimension is null)
        {
            return Problem("by", "must be trait, age_band, product or category");
        }

        if (dimension == SliceDimension.Trait && string.IsNullOrWhiteSpace(sliceTrait))
        {
            return Problem("sliceTrait", "names the trait to slice by (for example gender or country) when by is trait");
        }

        if (sliceTrait is not null && !TraitNames.CanQuote(sliceTrait))
        {
            return Problem("sliceTrait", "must be a trait name without quotes or control characters");
        }

        return await AnswerAsync(parameters, http, metrics, q => metrics.SlicesAsync(q, dimension.Value, sliceTrait?.Trim(), ct), c => Compare(c, SliceResponse.From), AnalyticsCsv.Slices, ct);
    }

    private static async Task<Results<Ok<ComparedResponse<MembersResponse>>, FileContentHttpResult, ValidationProblem>> MembersAsync(
        [AsParameters] AnalyticsParameters parameters, HttpContext http, MetricsService metrics, CancellationToken ct) =>
        parameters.Trait is null && parameters.Segment is null
            ? Problem("trait", "trait and value, or segment, name the members to compare")
            : await AnswerAsync(parameters, http, metrics, q => metrics.MembersAsync(q, ct), c => Compare(c, MembersResponse.From), AnalyticsCsv.Members, ct);

    private static async Task<Results<Ok<BasketsResponse>, FileContentHttpResult, ValidationProblem>> BasketsAsync(
        [AsParameters] AnalyticsParameters parameters, HttpContext http, MetricsService metrics, BasketService baskets, CancellationToken ct,
        string? minSupport = null, string? minConfidence = null, string? minLift = null, string? maxItems = null, string? maxRules = null)
    {
        var errors = new Dictionary<string, string[]>();
        var defaults = new BasketSettings();
        var settings = new BasketSettings(
            Number(minSupport, "minSupport", defaults.MinSupport, errors), Number(minConfidence, "minConfidence", defaults.MinConfidence, errors),
            Number(minLift, "minLift", defaults.MinLift, errors), (int)Number(maxItems, "maxItems", defaults.MaxItems, errors),
            (int)Number(maxRules, "maxRules", defaults.MaxRules, errors));
        if (errors.Count == 0 && settings.Problem() is { } problem)
        {
            errors[problem.Field] = [problem.Reason];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await AnswerAsync(parameters, http, metrics, q => baskets.AnalyseAsync(q, settings, ct), BasketsResponse.From, AnalyticsCsv.Baskets, ct);
    }

    /// <summary>Resolves the parameters, reads, and answers the wire record or, when asked, the CSV file.</summary>
    private static async Task<Results<Ok<TWire>, FileContentHttpResult, ValidationProblem>> AnswerAsync<T, TWire>(
        AnalyticsParameters parameters, HttpContext http, MetricsService metrics, Func<MetricsQuery, Task<T>> read,
        Func<T, TWire> map, Func<T, FileContentHttpResult> csv, CancellationToken ct)
    {
        var (query, errors) = await parameters.ResolveAsync(http.User, metrics, ct);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await read(query);
        return parameters.WantsCsv(http.Request) ? csv(result) : TypedResults.Ok(map(result));
    }

    private static ComparedResponse<TWire> Compare<T, TWire>(Compared<T> compared, Func<T, TWire> map) =>
        new(PeriodResponse.Of(compared.Period), map(compared.Current), PeriodResponse.Of(compared.PreviousPeriod), map(compared.Previous));

    private static double Number(string? text, string name, double fallback, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) < 1e9)
        {
            return value;
        }

        errors[name] = ["must be a number"];
        return fallback;
    }

    private static ValidationProblem Problem(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });
}
