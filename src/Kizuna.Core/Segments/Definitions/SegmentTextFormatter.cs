using System.Globalization;
using System.Text;

namespace Kizuna.Segments.Definitions;

/// <summary>
/// Writes a definition in the text form that <see cref="SegmentTextParser"/> reads back to the same tree: groups
/// nested in a group of the same kind keep their parentheses, a group of one is written <c>all(…)</c>/<c>any(…)</c>,
/// and a field's type is written (<c>trait.tags:list</c>) only where its operands would not say it.
/// </summary>
public static class SegmentTextFormatter
{
    private static readonly HashSet<string> Keywords = ["and", "or", "not", "true", "false"];

    public static string Format(Condition condition) => condition switch
    {
        AndCondition { Conditions.Count: > 1 } and => string.Join(" and ", and.Conditions.Select(c => c is AndCondition or OrCondition ? Group(c) : Format(c))),
        OrCondition { Conditions.Count: > 1 } or => string.Join(" or ", or.Conditions.Select(c => c is OrCondition ? Group(c) : Format(c))),
        AndCondition and => $"all({string.Join(", ", and.Conditions.Select(Format))})",
        OrCondition or => $"any({string.Join(", ", or.Conditions.Select(Format))})",
        NotCondition not => "not " + (not.Condition is AndCondition { Conditions.Count: > 1 } or OrCondition { Conditions.Count: > 1 } ? Group(not.Condition) : Format(not.Condition)),
        FieldCondition field => $"{Names.Of(field.Source)}{Field(field.Name, field.Type, field.Test)}",
        PerformedCondition performed => Performed(performed),
        EventTimeCondition time =>
            $"{(time.Which == EventTime.First ? "first" : "last")}_performed({string.Join(", ", [Quote(time.Event), .. time.Where.Select(Filter)])}) {Test(time.Test)}",
        CommerceCondition commerce => $"{Names.Of(commerce.Metric)} {Test(commerce.Test)}",
        BoughtCondition bought => $"bought({Names.Of(bought.By)} {Quote(bought.Value)}{(bought.Window is null ? "" : ", " + Window(bought.Window))})",
        RefundedCondition refunded => $"refunded({(refunded.Window is null ? "" : Window(refunded.Window))})",
        InSegmentCondition segment => $"in_segment({segment.SegmentId.ToString(CultureInfo.InvariantCulture)})",
        BucketCondition bucket => $"bucket {Test(bucket.Test)}",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.GetType().Name, "Unknown condition."),
    };

    private static string Group(Condition condition) => $"({Format(condition)})";

    private static string Performed(PerformedCondition performed)
    {
        var parts = new List<string> { Quote(performed.Event) };
        if (performed.Count != PerformedCondition.AtLeastOnce)
        {
            parts.Add("count " + Test(performed.Count));
        }

        if (performed.Window is not null)
        {
            parts.Add(Window(performed.Window));
        }

        parts.AddRange(performed.Where.Select(Filter));
        return $"performed({string.Join(", ", parts)})";
    }

    private static string Filter(PropertyFilter filter) => "property" + Field(filter.Path, filter.Type, filter.Test);

    private static string Field(string name, DataType type, Test test)
    {
        var path = string.Concat(name.Split('.').Select(s => "." + Name(s)));
        return OperatorRules.Infer(test) == type ? $"{path} {Test(test)}" : $"{path}:{Names.Of(type)} {Test(test)}";
    }

    private static string Name(string part) =>
        part.Length > 0 && !char.IsAsciiDigit(part[0]) && !Keywords.Contains(part) && part.All(SegmentLexer.IsNameChar) ? part : Quote(part);

    private static string Window(Window window) => window switch
    {
        { Days: { } days } => $"within {days.ToString(CultureInfo.InvariantCulture)}d",
        { From: { } from, To: { } to } => $"between {SegmentJsonWriter.Day(from)} and {SegmentJsonWriter.Day(to)}",
        _ => "",
    };

    public static string Test(Test test)
    {
        var o = test.Operands;
        string At(int i) => i < o.Count ? Literal(o[i]) : "";
        return test.Operator switch
        {
            Operator.Equals => $"= {At(0)}",
            Operator.NotEquals => $"!= {At(0)}",
            Operator.Greater => $"> {At(0)}",
            Operator.GreaterOrEqual => $">= {At(0)}",
            Operator.Less => $"< {At(0)}",
            Operator.LessOrEqual => $"<= {At(0)}",
            Operator.In => $"in [{string.Join(", ", o.Select(Literal))}]",
            Operator.NotIn => $"not in [{string.Join(", ", o.Select(Literal))}]",
            Operator.Contains => $"contains {At(0)}",
            Operator.NotContains => $"not contains {At(0)}",
            Operator.StartsWith => $"starts with {At(0)}",
            Operator.Between => $"between {At(0)} and {At(1)}",
            Operator.Exists => "exists",
            Operator.NotSet => "is not set",
            Operator.Before => $"before {At(0)}",
            Operator.After => $"after {At(0)}",
            Operator.MoreThanDaysAgo => $"more than {At(0)} days ago",
            Operator.LessThanDaysAgo => $"less than {At(0)} days ago",
            _ => $"anniversary within {At(0)} days",
        };
    }

    private static string Literal(Literal literal) => literal switch
    {
        StringLiteral s => Quote(s.Value),
        NumberLiteral n => n.Value.ToString(CultureInfo.InvariantCulture),
        BooleanLiteral b => b.Value ? "true" : "false",
        DateLiteral d => SegmentJsonWriter.Day(d.Value),
        DaysLiteral d => d.Value.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
