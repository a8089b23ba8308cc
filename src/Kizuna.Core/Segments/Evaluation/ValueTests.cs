using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kizuna.Segments.Definitions;

namespace Kizuna.Segments.Evaluation;

/// <summary>The operators applied to values in memory, with the same meaning as <see cref="SqlTests"/> gives them in SQL.</summary>
internal sealed partial class ValueTests(SegmentClock clock)
{
    public bool Matches(Probe probe, DataType type, Test test, Func<string?> zone)
    {
        var operands = test.Operands;
        switch (test.Operator)
        {
            case Operator.Exists:
                return probe.Exists;
            case Operator.NotSet:
                return !probe.Exists;
            case Operator.NotEquals:
                return !Matches(probe, type, test with { Operator = Operator.Equals }, zone);
            case Operator.NotIn:
                return !Matches(probe, type, test with { Operator = Operator.In }, zone);
            case Operator.NotContains:
                return !Matches(probe, type, test with { Operator = Operator.Contains }, zone);
        }

        switch (type)
        {
            case DataType.String when probe.Text is { } s:
                return test.Operator switch
                {
                    Operator.Equals => s == Text(operands[0]),
                    Operator.In => operands.Any(o => s == Text(o)),
                    Operator.Contains => s.Contains(Text(operands[0]), StringComparison.Ordinal),
                    Operator.StartsWith => s.StartsWith(Text(operands[0]), StringComparison.Ordinal),
                    _ => false,
                };
            case DataType.Number when probe.Number is { } n:
                return Number(n, test);
            case DataType.Boolean when probe.Bool is { } b:
                return test.Operator == Operator.Equals && operands[0] is BooleanLiteral { Value: var wanted } && b == wanted;
            case DataType.Date when DayText(probe.Text) is { } day:
                return Date(day, test, zone);
            case DataType.List when probe.List is { } list:
                var items = list.OfType<JsonValue>().Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(v => v.GetValue<string>());
                return test.Operator switch
                {
                    Operator.Contains => items.Contains(Text(operands[0]), StringComparer.Ordinal),
                    Operator.In => items.Any(i => operands.Any(o => i == Text(o))),
                    _ => false,
                };
            default:
                return false;
        }
    }

    /// <summary>A number test; <paramref name="scale"/> multiplies the operands (an average compared as total against count × operand).</summary>
    public static bool Number(decimal value, Test test, decimal scale = 1)
    {
        var a = test.Operands.Count > 0 && test.Operands[0] is NumberLiteral first ? first.Value * scale : 0;
        return test.Operator switch
        {
            Operator.Equals => value == a,
            Operator.NotEquals => value != a,
            Operator.In => test.Operands.OfType<NumberLiteral>().Any(o => value == o.Value * scale),
            Operator.NotIn => !test.Operands.OfType<NumberLiteral>().Any(o => value == o.Value * scale),
            Operator.Greater => value > a,
            Operator.GreaterOrEqual => value >= a,
            Operator.Less => value < a,
            Operator.LessOrEqual => value <= a,
            Operator.Between => value >= a && test.Operands[1] is NumberLiteral b && value <= b.Value * scale,
            _ => false,
        };
    }

    /// <summary>A date test of an epoch-millisecond time (null: never), by UTC day.</summary>
    public static bool Moment(long? ms, Test test, SegmentClock clock)
    {
        long Start(int index) => test.Operands[index] is DateLiteral d ? SegmentClock.Ms(SegmentClock.DayOf(d.Value)) : 0;
        long End(int index) => test.Operands[index] is DateLiteral d ? SegmentClock.Ms(SegmentClock.DayOf(d.Value) + 1) : 0;
        int Days() => test.Operands[0] is DaysLiteral d ? d.Value : 0;
        if (test.Operator is Operator.Exists or Operator.NotSet or Operator.NotEquals)
        {
            return test.Operator switch
            {
                Operator.Exists => ms is not null,
                Operator.NotSet => ms is null,
                _ => !Moment(ms, test with { Operator = Operator.Equals }, clock),
            };
        }

        if (ms is not { } x)
        {
            return false;
        }

        return test.Operator switch
        {
            Operator.Equals => x >= Start(0) && x < End(0),
            Operator.Before => x < Start(0),
            Operator.After => x >= End(0),
            Operator.Between => x >= Start(0) && x < End(1),
            Operator.MoreThanDaysAgo => x < SegmentClock.Ms(clock.Today - Days()),
            Operator.LessThanDaysAgo => x >= SegmentClock.Ms(clock.Today - Days() + 1),
            _ => false,
        };
    }

    private bool Date(string day, Test test, Func<string?> zone)
    {
        string D(int index) => test.Operands[index] is DateLiteral d ? SegmentJsonWriter.Day(d.Value) : "";
        string Ago() => SegmentJsonWriter.Day(SegmentClock.DateOf(clock.Today - (test.Operands[0] is DaysLiteral d ? d.Value : 0)));
        return test.Operator switch
        {
            Operator.Equals => day == D(0),
            Operator.Before => string.CompareOrdinal(day, D(0)) < 0,
            Operator.After => string.CompareOrdinal(day, D(0)) > 0,
            Operator.Between => string.CompareOrdinal(day, D(0)) >= 0 && string.CompareOrdinal(day, D(1)) <= 0,
            Operator.MoreThanDaysAgo => string.CompareOrdinal(day, Ago()) < 0,
            Operator.LessThanDaysAgo => string.CompareOrdinal(day, Ago()) > 0,
            Operator.AnniversaryWithinDays => clock.AnniversaryDays(clock.OffsetOf(zone()), ((DaysLiteral)test.Operands[0]).Value).Contains(day[5..]),
            _ => false,
        };
    }

    /// <summary>The <c>YYYY-MM-DD</c> a date value starts with, or null when it does not start with one.</summary>
    public static string? DayText(string? text) => text is not null && DayPattern().IsMatch(text) ? text[..10] : null;

    private static string Text(Literal literal) => literal is StringLiteral s ? s.Value : "";

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex DayPattern();
}
