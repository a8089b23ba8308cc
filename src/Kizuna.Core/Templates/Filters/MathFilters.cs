using Fluid;
using Fluid.Values;

namespace Kizuna.Templates.Filters;

/// <summary>Arithmetic with Liquid's integer/float rules and errors for division by zero.</summary>
internal static class MathFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("plus", FilterArity.Checked("plus", 1, 1, (i, a, _) => Binary(i, a.At(0), static (x, y) => x + y)));
        filters.AddFilter("minus", FilterArity.Checked("minus", 1, 1, (i, a, _) => Binary(i, a.At(0), static (x, y) => x - y)));
        filters.AddFilter("times", FilterArity.Checked("times", 1, 1, (i, a, _) => Binary(i, a.At(0), static (x, y) => x * y)));
        filters.AddFilter("divided_by", FilterArity.Checked("divided_by", 1, 1, (i, a, _) => DividedBy(i, a.At(0))));
        filters.AddFilter("modulo", FilterArity.Checked("modulo", 1, 1, (i, a, _) => Modulo(i, a.At(0))));
        filters.AddFilter("abs", FilterArity.Checked("abs", 0, 0, (i, _, _) => Unary(i, Math.Abs)));
        filters.AddFilter("ceil", FilterArity.Checked("ceil", 0, 0, (i, _, _) => NumberValue.Create(Math.Ceiling(LiquidNumber.From(i)))));
        filters.AddFilter("floor", FilterArity.Checked("floor", 0, 0, (i, _, _) => NumberValue.Create(Math.Floor(LiquidNumber.From(i)))));
        filters.AddFilter("round", FilterArity.Checked("round", 0, 1, (i, a, _) => Round(i, a.At(0))));
        filters.AddFilter("at_least", FilterArity.Checked("at_least", 1, 1, (i, a, _) => Pick(i, a.At(0), max: true)));
        filters.AddFilter("at_most", FilterArity.Checked("at_most", 1, 1, (i, a, _) => Pick(i, a.At(0), max: false)));
    }

    private static FluidValue Binary(FluidValue input, FluidValue argument, Func<decimal, decimal, decimal> op)
    {
        var x = LiquidNumber.From(input);
        var y = LiquidNumber.From(argument);
        return LiquidNumber.Create(op(x, y), LiquidNumber.IsFloat(x) || LiquidNumber.IsFloat(y));
    }

    private static FluidValue Unary(FluidValue input, Func<decimal, decimal> op)
    {
        var x = LiquidNumber.From(input);
        return LiquidNumber.Create(op(x), LiquidNumber.IsFloat(x));
    }

    private static FluidValue DividedBy(FluidValue input, FluidValue argument)
    {
        var x = LiquidNumber.From(input);
        var y = LiquidNumber.From(argument);
        if (y == 0)
        {
            throw FilterFault.Argument("divided_by", "division by zero.");
        }

        if (LiquidNumber.IsFloat(x) || LiquidNumber.IsFloat(y))
        {
            return LiquidNumber.Float((double)x / (double)y);
        }

        // Integer division floors, as in Ruby: -7 / 2 is -4.
        return NumberValue.Create(Math.Floor(x / y));
    }

    private static FluidValue Modulo(FluidValue input, FluidValue argument)
    {
        var x = LiquidNumber.From(input);
        var y = LiquidNumber.From(argument);
        if (y == 0)
        {
            throw FilterFault.Argument("modulo", "division by zero.");
        }

        var remainder = x % y;
        if (remainder != 0 && (remainder < 0) != (y < 0))
        {
            remainder += y;
        }

        return LiquidNumber.Create(remainder, LiquidNumber.IsFloat(x) || LiquidNumber.IsFloat(y));
    }

    private static FluidValue Round(FluidValue input, FluidValue digitsValue)
    {
        var x = LiquidNumber.From(input);
        var digits = LiquidNumber.IsNumeric(digitsValue) ? (long)Math.Truncate(LiquidNumber.From(digitsValue)) : 0;
        if (Sequence.IsNil(input))
        {
            return NumberValue.Zero;
        }

        if (digits <= 0)
        {
            var factor = (decimal)Math.Pow(10, -digits);
            var rounded = Math.Round(x / factor, MidpointRounding.AwayFromZero) * factor;
            return NumberValue.Create(decimal.Round(rounded, 0));
        }

        return NumberValue.Create(LiquidNumber.AsFloat(Math.Round(x, (int)Math.Min(digits, 28), MidpointRounding.AwayFromZero)));
    }

    private static FluidValue Pick(FluidValue input, FluidValue argument, bool max)
    {
        var x = LiquidNumber.From(input);
        var y = LiquidNumber.From(argument);
        var pickInput = max ? x >= y : x <= y;
        return LiquidNumber.Create(pickInput ? x : y, LiquidNumber.IsFloat(pickInput ? x : y));
    }
}
