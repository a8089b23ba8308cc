using Fluid;
using Fluid.Values;

namespace Kizuna.Templates.Filters;

/// <summary>Array and hash filters with Shopify's rules for flattening, hashes, nils and mixed types.</summary>
internal static class ArrayFilters
{
    private static readonly IEqualityComparer<FluidValue> UniqComparer =
        EqualityComparer<FluidValue>.Create(static (a, b) => a is not null && b is not null && a.Equals(b), static v => v.GetHashCode());

    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("first", FilterArity.Checked("first", 0, 0, (i, _, _) => First(i)));
        filters.AddFilter("last", FilterArity.Checked("last", 0, 0, (i, _, _) => i is ArrayValue a && a.Values.Count > 0 ? a.Values[^1] : NilValue.Instance));
        filters.AddFilter("join", FilterArity.Checked("join", 0, 1, (i, a, c) => Join(i, a, c)));
        filters.AddFilter("reverse", FilterArity.Checked("reverse", 0, 0, (i, _, _) => Sequence.ToArray(Enumerable.Reverse(Sequence.From(i)))));
        filters.AddFilter("concat", FilterArity.Checked("concat", 1, 1, (i, a, c) => Concat(i, a.At(0), c)));
        filters.AddFilter("size", FilterArity.Checked("size", 0, 0, (i, _, c) => Size(i, c)));
        filters.AddFilter("slice", FilterArity.Checked("slice", 1, 2, (i, a, _) => Slice(i, a)));
        filters.AddFilter("default", FilterArity.Checked("default", 0, 1, (i, a, _) => Default(i, a), "allow_false"));
        filters.AddFilter("uniq", FilterArity.Checked("uniq", 0, 1, UniqAsync));
        filters.AddFilter("compact", FilterArity.Checked("compact", 0, 1, CompactAsync));
        filters.AddFilter("map", FilterArity.Checked("map", 1, 1, MapAsync));
        filters.AddFilter("sum", FilterArity.Checked("sum", 0, 1, SumAsync));
        SortFilters.Register(filters);
        QueryFilters.Register(filters);
    }

    private static FluidValue First(FluidValue input) => input switch
    {
        ArrayValue array => array.Values.Count > 0 ? array.Values[0] : NilValue.Instance,
        DictionaryValue dictionary => dictionary.Enumerate(null!).FirstOrDefault() ?? NilValue.Instance,
        _ => NilValue.Instance,
    };

    private static FluidValue Join(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        TextSize.CheckArrays("join", NilValue.Instance, arguments, context);
        if (input is not ArrayValue)
        {
            return Sequence.IsNil(input) ? StringValue.Empty : StringValue.Create(LiquidText.ToLiquidString(input));
        }

        var separator = arguments.Count > 0 ? FilterArgs.Text(arguments.At(0)) : " ";
        var items = Sequence.From(input);

        // Measured before joining: a list of 100,000 references to one 1 MB string joins to 10^11 characters.
        var separators = (long)separator.Length * Math.Max(items.Count - 1, 0);
        TextSize.Check("join", separators + TextSize.MeasureItems(items, TextSize.Max(context) - separators), context);
        return StringValue.Create(string.Join(separator, items.Select(LiquidText.ToLiquidString)));
    }

    private static FluidValue Concat(FluidValue input, FluidValue argument, TemplateContext context)
    {
        if (argument is not ArrayValue added)
        {
            throw FilterFault.Argument("concat", "expects an array argument.");
        }

        // The counts before flattening: nested arrays come only from data, which is bounded by the request.
        Sequence.CheckSize("concat", (input is ArrayValue current ? current.Values.Count : 1) + (long)added.Values.Count, context);
        var items = Sequence.From(input);
        items.AddRange(Sequence.From(argument));
        return Sequence.ToArray(items);
    }

    private static async ValueTask<FluidValue> Size(FluidValue input, TemplateContext context) => input switch
    {
        StringValue => NumberValue.Create(LiquidText.Length(input.ToStringValue())),
        ArrayValue array => NumberValue.Create(array.Values.Count),
        DictionaryValue dictionary => await dictionary.GetValueAsync("size", context) is NumberValue size
            ? size
            : NumberValue.Create(((IFluidIndexable)dictionary.ToObjectValue()).Count),
        _ => NumberValue.Zero,
    };

    private static FluidValue Slice(FluidValue input, FilterArguments arguments)
    {
        var start = FilterArgs.Integer("slice", arguments.At(0), null, allowFloat: false);
        var length = arguments.Count > 1 ? FilterArgs.Integer("slice", arguments.At(1), 1, allowFloat: false) : 1;
        if (input is ArrayValue array)
        {
            var (from, count) = Window(array.Values.Count, start, length);
            return Sequence.ToArray(array.Values.Skip(from).Take(count));
        }

        if (Sequence.IsNil(input))
        {
            return StringValue.Empty;
        }

        var text = LiquidText.ToLiquidString(input);
        var (textFrom, textCount) = Window(LiquidText.Length(text), start, length);
        return StringValue.Create(LiquidText.Substring(text, textFrom, textCount));
    }

    private static (int From, int Count) Window(int size, long start, long length)
    {
        if (start < 0)
        {
            start += size;
        }

        if (start < 0 || start >= size || length <= 0)
        {
            return (0, 0);
        }

        return ((int)start, (int)Math.Min(length, size - start));
    }

    private static FluidValue Default(FluidValue input, FilterArguments arguments)
    {
        var positional = FilterArgs.Positional(arguments);
        var fallback = positional.Count > 0 ? positional[0] : StringValue.Empty;
        var allowFalse = arguments.HasNamed("allow_false") && arguments["allow_false"].ToBooleanValue();
        var empty = input switch
        {
            NilValue or UndefinedValue => true,
            BooleanValue => !allowFalse && !input.ToBooleanValue(),
            StringValue => input.ToStringValue().Length == 0,
            ArrayValue array => array.Values.Count == 0,
            DictionaryValue dictionary => ((IFluidIndexable)dictionary.ToObjectValue()).Count == 0,
            _ => false,
        };
        return empty ? fallback : input;
    }

    private static async ValueTask<FluidValue> UniqAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        // Strings, numbers and booleans equal only their own kind, so a hash set finds them; anything else (hashes,
        // nil) is compared one by one, as before, with the wall-time budget checked along the way.
        var hashed = new HashSet<FluidValue>(UniqComparer);
        var others = new List<FluidValue>();
        var result = new List<FluidValue>();
        var scope = Engine.KizunaTemplateContext.ScopeOf(context);
        foreach (var item in Sequence.From(input))
        {
            scope?.Tick();
            var key = arguments.Count > 0 ? await Sequence.PropertyAsync(item, FilterArgs.Text(arguments.At(0)), context) : item;
            var isNew = key is StringValue or NumberValue or BooleanValue ? hashed.Add(key) : AddIfAbsent(others, key);
            if (isNew)
            {
                result.Add(item);
            }
        }

        return Sequence.ToArray(result);

        static bool AddIfAbsent(List<FluidValue> seen, FluidValue key)
        {
            if (seen.Any(s => s.Equals(key)))
            {
                return false;
            }

            seen.Add(key);
            return true;
        }
    }

    private static async ValueTask<FluidValue> CompactAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var result = new List<FluidValue>();
        foreach (var item in Sequence.From(input))
        {
            var value = arguments.Count > 0 ? await Sequence.PropertyAsync(item, FilterArgs.Text(arguments.At(0)), context) : item;
            if (!Sequence.IsNil(value))
            {
                result.Add(item);
            }
        }

        return Sequence.ToArray(result);
    }

    private static async ValueTask<FluidValue> MapAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var key = FilterArgs.Text(arguments.At(0));
        var result = new List<FluidValue>();
        foreach (var item in Sequence.From(input))
        {
            if (!Sequence.IsHash(item) && !Sequence.IsNil(item))
            {
                throw FilterFault.Argument("map", $"cannot read '{key}' of a {item.Type.ToString().ToLowerInvariant()}.");
            }

            result.Add(await Sequence.PropertyAsync(item, key, context));
        }

        return Sequence.ToArray(result);
    }

    private static async ValueTask<FluidValue> SumAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var total = 0m;
        var isFloat = false;
        foreach (var item in Sequence.From(input))
        {
            FluidValue value = item;
            if (arguments.Count > 0)
            {
                if (!Sequence.IsHash(item))
                {
                    throw FilterFault.Argument("sum", "a property can only be summed over hashes.");
                }

                value = await Sequence.PropertyAsync(item, FilterArgs.Text(arguments.At(0)), context);
            }

            if (LiquidNumber.IsNumeric(value))
            {
                var number = LiquidNumber.From(value);
                isFloat |= LiquidNumber.IsFloat(number);
                total += number;
            }
        }

        return LiquidNumber.Create(total, isFloat);
    }
}
