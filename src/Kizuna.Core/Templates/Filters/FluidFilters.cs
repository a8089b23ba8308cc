using Fluid;
using Kizuna.Templates.Engine;

namespace Kizuna.Templates.Filters;

/// <summary>
/// The filters Fluid registers beyond the ones Kizuna replaces: kept as Fluid wrote them behind the sandbox's checks,
/// or dropped. Fluid reads a list given where it expects text as all its items run together, and nothing in Fluid
/// caps the size of what a filter builds.
/// </summary>
internal static class FluidFilters
{
    /// <summary>
    /// .NET format strings carry their own width and precision in every item (<c>format_number: "F999999999"</c>,
    /// <c>"{0,999999999}" | format_string: 1</c>), so measuring the result would take a second formatter. None of
    /// them is Liquid; <c>number</c>, <c>currency</c> and <c>date</c> do their work.
    /// </summary>
    private static readonly string[] Dropped = ["format_number", "format_string", "format_date"];

    /// <summary>Filters whose result is no longer than their text: a hash, the text itself, a date.</summary>
    private static readonly string[] Bounded = ["md5", "sha1", "sha256", "hmac_sha1", "hmac_sha256", "raw", "time_zone"];

    public static void Register(FilterCollection filters)
    {
        foreach (var name in Dropped)
        {
            filters.Remove(name);
        }

        foreach (var name in Bounded)
        {
            Guard(filters, name, null);
        }

        // "FooBar" becomes "foo-bar": at most one hyphen for each capital letter.
        Guard(filters, "handle", HandleizedLength);
        Guard(filters, "handleize", HandleizedLength);

        if (filters.TryGetValue("json", out var json))
        {
            filters.AddFilter("json", (input, arguments, context) =>
            {
                KizunaTemplateContext.ScopeOf(context)?.Tick();
                TextSize.Check("json", JsonLength.Of(input, TextSize.Max(context), context), context);
                return json(input, arguments, context);
            });
        }
    }

    private static void Guard(FilterCollection filters, string name, Func<string, long>? resultLength)
    {
        if (!filters.TryGetValue(name, out var inner))
        {
            return;
        }

        filters.AddFilter(name, (input, arguments, context) =>
        {
            KizunaTemplateContext.ScopeOf(context)?.Tick();
            TextSize.CheckArrays(name, input, arguments, context);
            if (resultLength is not null)
            {
                TextSize.Check(name, resultLength(input.ToStringValue()), context);
            }

            return inner(input, arguments, context);
        });
    }

    private static long HandleizedLength(string text) => text.Length + (long)text.Count(char.IsAsciiLetterUpper);
}
