using System.Globalization;

namespace Kizuna.Segments.Definitions;

// The comparison after a field, metric or event time: an operator and its operands.
internal sealed partial class SegmentTextParser
{
    private Test Test()
    {
        var token = Next();
        var op = token.Text switch
        {
            "=" => Operator.Equals,
            "!=" => Operator.NotEquals,
            ">" => Operator.Greater,
            ">=" => Operator.GreaterOrEqual,
            "<" => Operator.Less,
            "<=" => Operator.LessOrEqual,
            "in" => Operator.In,
            "contains" => Operator.Contains,
            "between" => Operator.Between,
            "exists" => Operator.Exists,
            "before" => Operator.Before,
            "after" => Operator.After,
            "not" when Accept("in") => Operator.NotIn,
            "not" when Accept("contains") => Operator.NotContains,
            "starts" when Accept("with") => Operator.StartsWith,
            "is" when Accept("not") && Accept("set") => Operator.NotSet,
            "more" when Accept("than") => Operator.MoreThanDaysAgo,
            "less" when Accept("than") => Operator.LessThanDaysAgo,
            "anniversary" when Accept("within") => Operator.AnniversaryWithinDays,
            _ => throw Unexpected("an operator (=, !=, >, >=, <, <=, in, not in, contains, not contains, starts with, between, exists, is not set, before, after, more than … days ago, less than … days ago, anniversary within … days)", token),
        };
        switch (OperatorRules.Shape(op))
        {
            case OperandShape.None:
                return new Test(op, new([]));
            case OperandShape.Days:
                var days = new DaysLiteral(Int(Expect(TokenKind.Number, "a number of days")));
                Expect("days");
                if (op != Operator.AnniversaryWithinDays)
                {
                    Expect("ago");
                }

                return Definitions.Test.Of(op, days);
            case OperandShape.List:
                Expect("[");
                var items = new List<Literal>();
                while (!Accept("]"))
                {
                    if (items.Count > 0)
                    {
                        Expect(",");
                    }

                    items.Add(Literal());
                }

                return new Test(op, new(items));
            case OperandShape.Two:
                var low = Literal();
                Expect("and");
                return Definitions.Test.Of(op, low, Literal());
            default:
                return Definitions.Test.Of(op, Literal());
        }
    }

    private Literal Literal()
    {
        var token = Next();
        return token.Kind switch
        {
            TokenKind.String => new StringLiteral(token.Text),
            TokenKind.Number => decimal.TryParse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? new NumberLiteral(number)
                : throw new SegmentSyntaxException($"'{token.Text}' is not a number in range", token.Line, token.Column),
            TokenKind.Date => new DateLiteral(Date(token)),
            TokenKind.Name when token.Text is "true" or "false" => new BooleanLiteral(token.Text == "true"),
            _ => throw Unexpected("a value (\"text\", a number, true, false or a date YYYY-MM-DD)", token),
        };
    }

    private static DateOnly Date(Token token) =>
        DateOnly.TryParseExact(token.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new SegmentSyntaxException($"'{token.Text}' is not a calendar date", token.Line, token.Column);

    private static int Int(Token token) =>
        int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SegmentSyntaxException($"'{token.Text}' is not a whole number of days", token.Line, token.Column);
}
