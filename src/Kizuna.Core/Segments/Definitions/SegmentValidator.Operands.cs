namespace Kizuna.Segments.Definitions;

// Operators, operands and windows: what a test may compare, with what.
public sealed partial class SegmentValidator
{
    private void CheckTest(Test test, IReadOnlyList<Operator> allowed, DataType type, string path, bool wholeNumbers = false)
    {
        if (!allowed.Contains(test.Operator))
        {
            Error($"{path}.op", $"operator '{Names.Of(test.Operator)}' does not apply to {Names.Of(type)} (allowed: {string.Join(", ", allowed.Select(Names.Of))})");
            return;
        }

        var operands = test.Operands;
        var shape = OperatorRules.Shape(test.Operator);
        var (member, wanted) = shape switch
        {
            OperandShape.None => ("op", 0),
            OperandShape.Days => ("days", 1),
            OperandShape.One => ("value", 1),
            OperandShape.Two => ("values", 2),
            _ => ("values", -1),
        };
        if ((wanted >= 0 && operands.Count != wanted) || (wanted < 0 && operands.Count == 0))
        {
            Error($"{path}.{member}", wanted switch { 0 => "takes no value", 1 => "needs one value", 2 => "needs two values (from and to)", _ => "needs at least one value" });
            return;
        }

        for (var i = 0; i < operands.Count; i++)
        {
            var at = shape is OperandShape.List or OperandShape.Two ? $"{path}.values[{i}]" : $"{path}.{member}";
            CheckOperand(operands[i], shape, type, at, wholeNumbers, test.Operator);
        }

        if (shape == OperandShape.Two && !Ordered(operands[0], operands[1]))
        {
            Error($"{path}.values", "the first value of between must not be greater than the second");
        }
    }

    private void CheckOperand(Literal operand, OperandShape shape, DataType type, string path, bool wholeNumbers, Operator op)
    {
        if (shape == OperandShape.Days)
        {
            var max = op == Operator.AnniversaryWithinDays ? MaxAnniversaryDays : 36_500;
            if (operand is not DaysLiteral { Value: var days } || days < 0 || days > max)
            {
                Error(path, $"must be a number of days from 0 to {max}");
            }
        }
        else if (!OperatorRules.Fits(type, operand))
        {
            Error(path, $"must be a {(type == DataType.List ? "string" : Names.Of(type))}");
        }
        else if (wholeNumbers && operand is NumberLiteral { Value: var n } && (n != decimal.Truncate(n) || n < 0))
        {
            Error(path, "must be a whole number, not negative");
        }
    }

    private static bool Ordered(Literal a, Literal b) => (a, b) switch
    {
        (NumberLiteral x, NumberLiteral y) => x.Value <= y.Value,
        (DateLiteral x, DateLiteral y) => x.Value <= y.Value,
        _ => true,
    };

    private void CheckWindow(Window? window, string path)
    {
        switch (window)
        {
            case null:
                return;
            case { Days: { } days }:
                if (days < 1 || days > 36_500)
                {
                    Error($"{path}.window.days", "must be a number of days from 1 to 36500");
                }

                return;
            case { From: { } from, To: { } to }:
                if (from > to)
                {
                    Error($"{path}.window", "from must not be after to");
                }

                return;
            default:
                Error($"{path}.window", "needs days, or from and to");
                return;
        }
    }
}
