using Fluid;
using Fluid.Values;

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
