using System.Globalization;
using Kizuna.Segments.Definitions;

namespace Kizuna.Server.Dashboard.SegmentEditing;

/// <summary>Keeps a test's operands fitting its type and operator when the editor changes either.</summary>
public static class TestOperands
{
    /// <summary>The test with <paramref name="op"/> for <paramref name="type"/>, keeping the operands that still fit.</summary>
    public static Test Retyped(Test test, DataType type, Operator op, DateOnly today)
    {
        var fitting = test.Operands.Where(o => OperatorRules.Fits(type, o)).ToList();
        Literal First() => fitting.Count > 0 ? fitting[0] : Default(type, today);
        return OperatorRules.Shape(op) switch
        {
            OperandShape.None => Test.Of(op),
            OperandShape.One => Test.Of(op, First()),
            OperandShape.Two => Test.Of(op, First(), fitting.Count > 1 ? fitting[1] : First()),
            OperandShape.List => new Test(op, new ValueList<Literal>(fitting.Count > 0 ? fitting : [Default(type, today)])),
            _ => Test.Of(op, test.Operands.OfType<DaysLiteral>().FirstOrDefault() ?? new DaysLiteral(30)),
        };
    }

    public static Literal Default(DataType type, DateOnly today) => type switch
    {
        DataType.Number => new NumberLiteral(0),
        DataType.Boolean => new BooleanLiteral(true),
        DataType.Date => new DateLiteral(today),
        _ => new StringLiteral(""),
    };

    /// <summary>The literal a typed-in value stands for; null when it does not read as the type.</summary>
    public static Literal? Parse(DataType type, string? text)
    {
        text ??= "";
        return type switch
        {
            DataType.Number => decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? new NumberLiteral(n) : null,
            DataType.Boolean => bool.TryParse(text, out var b) ? new BooleanLiteral(b) : null,
            DataType.Date => DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? new DateLiteral(d) : null,
            _ => new StringLiteral(text),
        };
    }

    /// <summary>How an operand reads in an input: invariant numbers and ISO days, as the text form writes them.</summary>
    public static string Show(Literal? literal) => literal switch
    {
        StringLiteral s => s.Value,
        NumberLiteral n => n.Value.ToString(CultureInfo.InvariantCulture),
        BooleanLiteral b => b.Value ? "true" : "false",
        DateLiteral d => d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DaysLiteral d => d.Value.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };
}
