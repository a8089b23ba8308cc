using System.Security.Claims;
using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Commerce;

public static class ProductsApi
{
    private const int MaxNameLength = 1_000;

    /// <summary>The product catalogue: <c>PUT /api/products</c> upserts a list, <c>GET</c> lists and finds.</summary>
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/products").WithTags("Products");
        group.MapPut("/", UpsertAsync).RequireScope(Scopes.ProductsWrite);
        group.MapGet("/", ListAsync).RequireScope(Scopes.ProductsRead);
        group.MapGet("/{productId}", FindAsync).RequireScope(Scopes.ProductsRead);
        return routes;
    }

    private static async Task<Results<Ok<UpsertProductsResponse>, ValidationProblem>> UpsertAsync(
        IReadOnlyList<ProductRequest?> products, ClaimsPrincipal user, ProductCatalog catalog, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < products.Count; i++)
        {
            if (products[i] is not { } product)
            {
                errors[$"[{i}]"] = ["must be a product, not null"];
                continue;
            }

            if (string.IsNullOrWhiteSpace(product.ProductId) || product.ProductId.Trim().Length > SegmentParser.MaxIdLength)
            {
                errors[$"[{i}].productId"] = [$"is required, at most {SegmentParser.MaxIdLength} characters"];
            }

            if (string.IsNullOrWhiteSpace(product.Name) || product.Name.Trim().Length > MaxNameLength)
            {
                errors[$"[{i}].name"] = [$"is required, at most {MaxNameLength} characters"];
            }

            if (product.Price is { } price && !CommerceEvents.IsAmount(price))
            {
                errors[$"[{i}].price"] = [CommerceEvents.AmountRule];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var count = await catalog.UpsertAsync(user.WorkspaceIdOf(), [.. products.Select(p => p!.ToProduct())], ct);   // none is null past the checks
        return TypedResults.Ok(new UpsertProductsResponse(count));
    }

    private static async Task<Results<Ok<PageResponse<ProductResponse>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, ProductCatalog catalog, CancellationToken ct, string? q = null, int offset = 0, int limit = 50)
    {
        if (PageParameters.Problem(offset, limit) is { } problem)
        {
            return problem;
        }

        var page = await catalog.ListAsync(user.WorkspaceIdOf(), q, offset, limit, ct);
        return TypedResults.Ok(new PageResponse<ProductResponse>([.. page.Items.Select(ProductResponse.From)], page.Total));
    }

    private static async Task<Results<Ok<ProductResponse>, NotFound>> FindAsync(string productId, ClaimsPrincipal user, ProductCatalog catalog, CancellationToken ct) =>
        await catalog.FindAsync(user.WorkspaceIdOf(), productId, ct) is { } product ? TypedResults.Ok(ProductResponse.From(product)) : TypedResults.NotFound();

    /// <summary>A product to upsert.</summary>
    public sealed record ProductRequest(string ProductId, string? Sku, string Name, string? Category, decimal? Price, string? Currency, string? ImageUrl, string? Url)
    {
        public Product ToProduct() => new(ProductId.Trim(), Sku, Name.Trim(), Category, Price, Currency?.ToUpperInvariant(), ImageUrl, Url);
    }

    /// <summary>How many products were inserted or updated.</summary>
    public sealed record UpsertProductsResponse(int Upserted);
}
