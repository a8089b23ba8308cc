using Fluid;
using Kizuna.Templates.Engine;

namespace Kizuna.Templates.Filters;

/// <summary>
/// Shopify raises an error for a filter called with the wrong number of arguments; Fluid ignores extras and
/// defaults missing ones. Wrapping each standard filter with its arity makes a bad template an error. The wrapper
/// is also where every filter call checks the wall-time budget: a loop of heavy filters need not write or assign.
/// </summary>
internal static class FilterArity
{
    public static FilterDelegate Checked(string name, int min, int max, FilterDelegate inner, params string[] named) =>
        (input, arguments, context) =>
        {
            KizunaTemplateContext.ScopeOf(context)?.Tick();
            var positional = arguments.Count;
            if (arguments.Names.TryGetNonEnumeratedCount(out var namedCount) && namedCount == 0)
            {
                // The usual call has no named arguments: check the count without allocating an enumerator.
                return positional < min || positional > max ? throw FilterFault.Arity(name, min, max, positional) : inner(input, arguments, context);
            }

            foreach (var argumentName in arguments.Names)
            {
                if (Array.IndexOf(named, argumentName) < 0)
                {
                    throw FilterFault.Argument(name, $"unexpected argument '{argumentName}'.");
                }

                positional--;
            }

            if (positional < min || positional > max)
            {
                throw FilterFault.Arity(name, min, max, positional);
            }

            return inner(input, arguments, context);
        };
}
