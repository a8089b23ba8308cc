using System.Globalization;

namespace Kizuna.Segments.Definitions;

/// <summary>
/// Reads the text form by recursive descent: <c>or</c> binds loosest, then <c>and</c>, then <c>not</c>; parentheses
/// group. The grammar is in docs/segments.md. The first syntax error stops the parse and is reported with its line
/// and column.
/// </summary>
internal sealed partial class SegmentTextParser
{
    /// <summary>How deep parentheses, <c>not</c>, <c>all</c> and <c>any</c> may nest: a bound, so no text can exhaust the stack.</summary>
    public const int MaxDepth = 32;

    private readonly List<Token> _tokens;
    private int _at;
    private int _depth;

    private SegmentTextParser(List<Token> tokens) => _tokens = tokens;

    public static (Condition? Condition, IReadOnlyList<SegmentError> Errors) Parse(string text)
    {
        try
        {
            var parser = new SegmentTextParser(new SegmentLexer(text).Tokens());
            var condition = parser.Or();
            parser.Expect(TokenKind.End, "the end (or 'and', 'or')");
            return (condition, []);
        }
        catch (SegmentSyntaxException e)
        {
            return (null, [new SegmentError("$", e.Message, e.Line, e.Column)]);
        }
    }

    private Token Peek => _tokens[_at];

    private Token Next() => _tokens[Math.Min(_at++, _tokens.Count - 1)];

    private Condition Or()
    {
        var first = And();
        if (!Peek.Is("or"))
        {
            return first;
        }

        var items = new List<Condition> { first };
        while (Accept("or"))
        {
            items.Add(And());
        }

        return new OrCondition(new(items));
    }

    private Condition And()
    {
        var first = Unary();
        if (!Peek.Is("and"))
        {
            return first;
        }

        var items = new List<Condition> { first };
        while (Accept("and"))
        {
            items.Add(Unary());
        }

        return new AndCondition(new(items));
    }

    private Condition Unary() => Accept("not") ? new NotCondition(Nested(Unary)) : Primary();

    private Condition Nested(Func<Condition> inner)
    {
        if (++_depth > MaxDepth)
        {
            throw new SegmentSyntaxException($"conditions nest more than {MaxDepth} levels deep", Peek.Line, Peek.Column);
        }

        var condition = inner();
        _depth--;
        return condition;
    }

    private Condition Primary()
    {
        var token = Peek;
        if (Accept("("))
        {
            var inner = Nested(Or);
            Expect(")");
            return inner;
        }

        if (token.Kind != TokenKind.Name)
        {
            throw Unexpected("a condition");
        }

        Next();
        switch (token.Text)
        {
            case "all" or "any":
                Expect("(");
                var items = new List<Condition>();
                while (!Accept(")"))
                {
                    if (items.Count > 0)
                    {
                        Expect(",");
                    }

                    items.Add(Nested(Or));
                }

                return token.Text == "all" ? new AndCondition(new(items)) : new OrCondition(new(items));
            case "trait" or "value" or "profile":
                var source = token.Text switch { "value" => FieldSource.Value, "profile" => FieldSource.Profile, _ => FieldSource.Trait };
                var (name, declared) = FieldName();
                var test = Test();
                return new FieldCondition(source, name, declared ?? OperatorRules.Infer(test), test);
            case "performed":
                return Performed();
            case "first_performed" or "last_performed":
                Expect("(");
                var eventName = String();
                var where = new List<PropertyFilter>();
                while (Accept(","))
                {
                    where.Add(Filter());
                }

                Expect(")");
                return new EventTimeCondition(token.Text == "first_performed" ? EventTime.First : EventTime.Last, eventName, new(where), Test());
            case "order_count" or "total_spent" or "average_order_value" or "first_order_at" or "last_order_at":
                return new CommerceCondition(Names.TryParse<CommerceMetric>(token.Text, out var metric) ? metric : CommerceMetric.OrderCount, Test());
            case "bought":
                return Bought();
            case "refunded":
                Expect("(");
                var window = Peek.Is(")") ? null : Window() ?? throw Unexpected("'within' or 'between'");
                Expect(")");
                return new RefundedCondition(window);
            case "in_segment":
                Expect("(");
                var id = Expect(TokenKind.Number, "a segment id");
                Expect(")");
                return long.TryParse(id.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var segmentId)
                    ? new InSegmentCondition(segmentId)
                    : throw new SegmentSyntaxException("a segment id is a whole number", id.Line, id.Column);
            case "bucket":
                return new BucketCondition(Test());
            default:
                throw new SegmentSyntaxException(
                    $"unknown condition '{token.Text}' (expected trait., value., profile., performed, first_performed, last_performed, order_count, total_spent, average_order_value, first_order_at, last_order_at, bought, refunded, in_segment, bucket, all, any, not or a parenthesis)",
                    token.Line, token.Column);
        }
    }

    private Condition Performed()
    {
        Expect("(");
        var name = String();
        var count = PerformedCondition.AtLeastOnce;
        Window? window = null;
        var where = new List<PropertyFilter>();
        while (Accept(","))
        {
            if (Accept("count"))
            {
                count = Test();
            }
            else if (Peek.Is("property"))
            {
                where.Add(Filter());
            }
            else
            {
                window = Window() ?? throw Unexpected("count, within, between or property.");
            }
        }

        Expect(")");
        return new PerformedCondition(name, count, window, new(where));
    }

    private Condition Bought()
    {
        Expect("(");
        var key = Expect(TokenKind.Name, "product, sku or category");
        if (!Names.TryParse<ProductKey>(key.Text, out var by))
        {
            throw new SegmentSyntaxException($"expected product, sku or category, found '{key.Text}'", key.Line, key.Column);
        }

        var value = String();
        var window = Accept(",") ? Window() ?? throw Unexpected("'within' or 'between'") : null;
        Expect(")");
        return new BoughtCondition(by, value, window);
    }

    private PropertyFilter Filter()
    {
        Expect("property");
        var (path, declared) = FieldName();
        var test = Test();
        return new PropertyFilter(path, declared ?? OperatorRules.Infer(test), test);
    }

    private (string Name, DataType? Type) FieldName()
    {
        var parts = new List<string>();
        do
        {
            Expect(".");
            var part = Next();
            parts.Add(part.Kind is TokenKind.Name or TokenKind.String ? part.Text : throw Unexpected("a name", part));
        }
        while (Peek.Is("."));

        DataType? type = null;
        if (Accept(":"))
        {
            var typeName = Expect(TokenKind.Name, "a type");
            type = Names.TryParse<DataType>(typeName.Text, out var parsed) ? parsed
                : throw new SegmentSyntaxException($"unknown type '{typeName.Text}' (expected {Names.All<DataType>()})", typeName.Line, typeName.Column);
        }

        return (string.Join('.', parts), type);
    }

    private Window? Window()
    {
        if (Accept("within"))
        {
            var days = Expect(TokenKind.Duration, "a number of days such as 30d");
            return Definitions.Window.Within(Int(days));
        }

        if (Accept("between"))
        {
            var from = Date(Expect(TokenKind.Date, "a date YYYY-MM-DD"));
            Expect("and");
            return Definitions.Window.Between(from, Date(Expect(TokenKind.Date, "a date YYYY-MM-DD")));
        }

        return null;
    }

    private string String() => Expect(TokenKind.String, "a quoted name").Text;

    private bool Accept(string keyword)
    {
        if (!Peek.Is(keyword))
        {
            return false;
        }

        _at++;
        return true;
    }

    private Token Expect(string keyword) => Peek.Is(keyword) ? Next() : throw Unexpected($"'{keyword}'");

    private Token Expect(TokenKind kind, string what) => Peek.Kind == kind ? Next() : throw Unexpected(what);

    private SegmentSyntaxException Unexpected(string expected, Token? token = null)
    {
        var found = token ?? Peek;
        return new SegmentSyntaxException($"expected {expected}, found {found.Describe()}", found.Line, found.Column);
    }
}
