using Kizuna.Segments.Definitions;

namespace Kizuna.Segments.Evaluation;

/// <summary>The operators as SQL over a field's <see cref="SqlValue"/>, a number or a time; <see cref="ValueTests"/> in memory.</summary>
internal sealed class SqlTests(SqlParameters p, SegmentClock clock, SqlFields fields)
{
    /// <summary>A field test; every result is TRUE or FALSE, never NULL, so <c>not</c> inverts it exactly.</summary>
    public string Field(SqlValue value, DataType type, Test test) => test.Operator switch
    {
        Operator.Exists => Sure(value.Exists),
        Operator.NotSet => $"NOT {Sure(value.Exists)}",
        Operator.NotEquals => $"NOT {Field(value, type, test with { Operator = Operator.Equals })}",
        Operator.NotIn => $"NOT {Field(value, type, test with { Operator = Operator.In })}",
        Operator.NotContains => $"NOT {Field(value, type, test with { Operator = Operator.Contains })}",
        _ => OnRow(value.Row, Sure(type switch
        {
            DataType.String => Text(value.Text, test),
            DataType.Number => Number(value.Number, test, p.Number),
            DataType.Boolean => $"{value.Bool} = {(((BooleanLiteral)test.Operands[0]).Value ? (p.Postgres ? "TRUE" : "1") : (p.Postgres ? "FALSE" : "0"))}",
            DataType.Date => Date(value.Text, test),
            DataType.List => test.Operator == Operator.In
                ? value.ListHas(p.OneOf("j.v", Texts(test)))
                : value.ListHas($"j.v = {p.Add(Texts(test)[0])}"),
            _ => "FALSE",
        })),
    };

    /// <summary>A number test; <paramref name="operand"/> binds each constant (scaled, as money, …).</summary>
    public static string Number(string value, Test test, Func<decimal, string> operand)
    {
        var values = test.Operands.OfType<NumberLiteral>().Select(n => n.Value).ToList();
        return test.Operator switch
        {
            Operator.Equals => $"{value} = {operand(values[0])}",
            Operator.NotEquals => $"NOT COALESCE({value} = {operand(values[0])}, FALSE)",
            Operator.In => "(" + string.Join(" OR ", values.Select(v => $"{value} = {operand(v)}")) + ")",
            Operator.NotIn => "NOT COALESCE((" + string.Join(" OR ", values.Select(v => $"{value} = {operand(v)}")) + "), FALSE)",
            Operator.Greater => $"{value} > {operand(values[0])}",
            Operator.GreaterOrEqual => $"{value} >= {operand(values[0])}",
            Operator.Less => $"{value} < {operand(values[0])}",
            Operator.LessOrEqual => $"{value} <= {operand(values[0])}",
            Operator.Between => $"({value} >= {operand(values[0])} AND {value} <= {operand(values[1])})",
            _ => "FALSE",
        };
    }

    /// <summary>
    /// A date test of an epoch-millisecond expression (NULL: never), by UTC day; with <paramref name="row"/>, a column
    /// of the profile's one row that <see cref="SqlValue.Row"/> describes (no row: NULL).
    /// </summary>
    public string Moment(string ms, Test test, Func<string, string>? row = null)
    {
        string Start(int i) => p.Add(SegmentClock.Ms(SegmentClock.DayOf(((DateLiteral)test.Operands[i]).Value)));
        string End(int i) => p.Add(SegmentClock.Ms(SegmentClock.DayOf(((DateLiteral)test.Operands[i]).Value) + 1));
        int Days() => ((DaysLiteral)test.Operands[0]).Value;
        return test.Operator switch
        {
            Operator.Exists => OnRow(row, $"({ms} IS NOT NULL)"),
            Operator.NotSet => row is null ? $"({ms} IS NULL)" : $"(NOT {row($"{ms} IS NOT NULL")})",
            Operator.NotEquals => $"NOT {Moment(ms, test with { Operator = Operator.Equals }, row)}",
            Operator.Equals => OnRow(row, Sure($"{ms} >= {Start(0)} AND {ms} < {End(0)}")),
            Operator.Before => OnRow(row, Sure($"{ms} < {Start(0)}")),
            Operator.After => OnRow(row, Sure($"{ms} >= {End(0)}")),
            Operator.Between => OnRow(row, Sure($"{ms} >= {Start(0)} AND {ms} < {End(1)}")),
            Operator.MoreThanDaysAgo => OnRow(row, Sure($"{ms} < {p.Add(SegmentClock.Ms(clock.Today - Days()))}")),
            Operator.LessThanDaysAgo => OnRow(row, Sure($"{ms} >= {p.Add(SegmentClock.Ms(clock.Today - Days() + 1))}")),
            _ => "FALSE",
        };
    }

    public static string Sure(string condition) => $"COALESCE(({condition}), FALSE)";

    // Every test passed to it is FALSE for a missing value (NULL), so "the row exists and passes" is the same test.
    private static string OnRow(Func<string, string>? row, string test) => row is null ? test : row(test);

    private string Text(string text, Test test) => test.Operator switch
    {
        Operator.Equals => $"{text} = {p.Add(Texts(test)[0])}",
        Operator.In => p.OneOf(text, Texts(test)),
        Operator.Contains => p.Postgres ? $"strpos({text}, {p.Add(Texts(test)[0])}) > 0" : $"instr({text}, {p.Add(Texts(test)[0])}) > 0",
        Operator.StartsWith => StartsWith(text, Texts(test)[0]),
        _ => "FALSE",
    };

    private string StartsWith(string text, string prefix)
    {
        var value = p.Add(prefix);
        return p.Postgres ? $"left({text}, char_length({value})) = {value}" : $"substr({text}, 1, length({value})) = {value}";
    }

    private string Date(string text, Test test)
    {
        var day = p.Postgres
            ? $"(CASE WHEN {text} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}' THEN substr({text}, 1, 10) COLLATE \"C\" END)"
            : $"(CASE WHEN {text} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr({text}, 1, 10) END)";
        string D(int i) => p.Add(SegmentJsonWriter.Day(((DateLiteral)test.Operands[i]).Value));
        string Ago() => p.Add(SegmentJsonWriter.Day(SegmentClock.DateOf(clock.Today - ((DaysLiteral)test.Operands[0]).Value)));
        return test.Operator switch
        {
            Operator.Equals => $"{day} = {D(0)}",
            Operator.Before => $"{day} < {D(0)}",
            Operator.After => $"{day} > {D(0)}",
            Operator.Between => $"({day} >= {D(0)} AND {day} <= {D(1)})",
            Operator.MoreThanDaysAgo => $"{day} < {Ago()}",
            Operator.LessThanDaysAgo => $"{day} > {Ago()}",
            Operator.AnniversaryWithinDays => Anniversary(day, ((DaysLiteral)test.Operands[0]).Value),
            _ => "FALSE",
        };
    }

    // The month-day is looked up among the coming days of the customer's own date, which is UTC's or one day off.
    private string Anniversary(string day, int days)
    {
        var monthDay = $"substr({day}, 6, 5)";
        var zone = fields.ProfileField("timezone");
        var behind = clock.ZoneOffsets.Where(z => z.Value < 0).Select(z => z.Key).ToList();
        var ahead = clock.ZoneOffsets.Where(z => z.Value > 0).Select(z => z.Key).ToList();
        return $"(CASE WHEN {p.OneOf(zone, behind)} THEN {p.OneOf(monthDay, clock.AnniversaryDays(-1, days))}"
            + $" WHEN {p.OneOf(zone, ahead)} THEN {p.OneOf(monthDay, clock.AnniversaryDays(1, days))}"
            + $" ELSE {p.OneOf(monthDay, clock.AnniversaryDays(0, days))} END)";
    }

    private static List<string> Texts(Test test) => [.. test.Operands.OfType<StringLiteral>().Select(s => s.Value)];
}
