using System.Globalization;
using CsvHelper;
using Kizuna.Profiles;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Dashboard;

/// <summary>
/// The customers list as a CSV file, with the list's search, trait filter and sort: what the marketer sees is what
/// they download. Cells a spreadsheet would run as a formula are escaped.
/// </summary>
public static class CustomersExportApi
{
    private const int PageSize = 500;

    public static IEndpointRouteBuilder MapCustomersExport(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/customers/export.csv", ExportAsync).RequireScope(Scopes.ProfilesRead).ExcludeFromDescription();
        return routes;
    }

    /// <summary>The address of the export of one list state.</summary>
    public static string Address(string? text, string? traitKey, string? traitValue, ProfileSort sort, bool ascending)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = text,
            ["traitKey"] = traitKey,
            ["traitValue"] = traitKey is null ? null : traitValue,
            ["sort"] = CustomerListSort.NameOf(sort),
            ["dir"] = ascending ? "asc" : "desc",
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/customers/export.csv", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportAsync(
        string? q, string? traitKey, string? traitValue, string? sort, string? dir,
        HttpContext http, ProfileService profiles, TimeProvider time, CancellationToken ct)
    {
        if (CustomerListSort.Parse(sort) is not { } order)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["sort"] = [$"must be one of {CustomerListSort.LastSeen}, {CustomerListSort.TotalSpent}, {CustomerListSort.Orders}"],
            });
        }

        if (dir is not (null or "" or "asc" or "desc"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dir"] = ["must be asc or desc"] });
        }

        var workspaceId = http.User.WorkspaceIdOf();
        var query = new ProfileQuery(
            Text: q, TraitKey: string.IsNullOrWhiteSpace(traitKey) ? null : traitKey.Trim(), TraitValue: traitValue,
            Limit: PageSize, Sort: order, Ascending: dir == "asc");
        var day = time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"customers-{day}.csv\"";

        // UTF-8 with a byte-order mark: Excel reads names in Japanese right only with it.
        await using var csv = CsvWriter.Create(http.Response.Body, CustomerCsv.Options, leaveOpen: true);
        csv.WriteHeader(CustomerCsv.Header);
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await profiles.SearchAsync(workspaceId, query with { Offset = offset }, ct);
            foreach (var p in page.Items)
            {
                CustomerCsv.Write(csv, p);
                await csv.EndRecordAsync(ct);
            }

            if (page.Items.Count < PageSize)
            {
                break;
            }
        }

        await csv.FlushAsync(ct);
        return TypedResults.Empty;
    }
}
