using Fluid;
using Fluid.Values;
using Kizuna.Templates.Engine;

namespace Kizuna.Templates.Filters;

/// <summary>
/// How Liquid's array filters see their input: an array (nested arrays flattened), nothing for undefined, and
/// any other single value as a one-item array.
/// </summary>
internal static class Sequence
{
    public static List<FluidValue> From(FluidValue input, bool flatten = true)
    {
        var items = new List<FluidValue>();
        switch (input)
        {
            case ArrayValue array:
                Add(items, array, flatten);
                break;
            case NilValue or UndefinedValue:
                break;
            default:
                items.Add(input);
                break;
        }

        return items;
    }

    public static FluidValue ToArray(IEnumerable<FluidValue> items)
    {
        var list = items as IReadOnlyList<FluidValue> ?? [.. items];
        return list.Count == 0 ? ArrayValue.Empty : new ArrayValue(list);
    }

    /// <summary>
    /// Refuses an array of more than the render's <see cref="TemplateLimits.MaxRangeSize"/> items before it is built:
    /// <c>concat</c> in a loop doubles an array per iteration without a step or a byte of output.
    /// </summary>
    public static void CheckSize(string filter, long count, TemplateContext context)
    {
        var max = KizunaTemplateContext.ScopeOf(context)?.Limits.MaxRangeSize ?? TemplateLimits.Default.MaxRangeSize;
        if (count > max)
        {
            throw new TemplateFaultException(TemplateErrorKind.Limit, $"{filter}: the list would have more than {max} items.", "| " + filter);
        }
    }

    public static bool IsTruthy(FluidValue value) =>
        value is not (NilValue or UndefinedValue) && !(value is BooleanValue && !value.ToBooleanValue());

    public static bool IsNil(FluidValue value) => value is NilValue or UndefinedValue;

    public static bool IsHash(FluidValue value) => value is DictionaryValue or ObjectValue;

    /// <summary><c>item[key]</c> for a hash or a registered view; nil for anything else.</summary>
    public static async ValueTask<FluidValue> PropertyAsync(FluidValue item, string key, TemplateContext context) =>
        IsHash(item) ? await item.GetValueAsync(key, context) : NilValue.Instance;

    private static void Add(List<FluidValue> items, ArrayValue array, bool flatten)
    {
        foreach (var item in array.Values)
        {
            if (flatten && item is ArrayValue nested)
            {
                Add(items, nested, flatten);
            }
            else
            {
                items.Add(item);
            }
        }
    }
}
