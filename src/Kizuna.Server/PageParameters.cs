using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server;

/// <summary>
/// The paging parameters of the list endpoints, checked alike: a value out of range is a 400 naming it, never
/// silently clamped into a page the caller did not ask for. (Ids in routes take no route constraint for the same
/// reason: <c>/api/profiles/abc</c> is a 400 naming <c>id</c>, not a 404.)
/// </summary>
public static class PageParameters
{
    public const int MaxLimit = 500;

    /// <summary>The problem with <paramref name="offset"/> or <paramref name="limit"/>, or null when both are usable.</summary>
    public static ValidationProblem? Problem(int offset, int limit, int maxLimit = MaxLimit) =>
        offset < 0 ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["offset"] = ["must be 0 or more"] })
        : limit < 1 || limit > maxLimit ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"must be between 1 and {maxLimit}"] })
        : null;
}
