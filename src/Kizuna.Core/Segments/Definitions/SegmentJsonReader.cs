using System.Globalization;
using System.Text.Json;

namespace Kizuna.Segments.Definitions;

/// <summary>
/// Reads the JSON tree into a definition, collecting every structural error (unknown kind, missing member, a value
/// of the wrong JSON type) with its path; what the tree means is checked afterwards by <see cref="SegmentValidator"/>.
/// </summary>
public sealed class SegmentJsonReader
{
    private readonly List<SegmentError> _errors = [];

    public static (Condition? Condition, IReadOnlyList<SegmentError> Errors) Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return (null, [new SegmentError("$", $"not valid JSON: {e.Message}", (int?)e.LineNumber + 1, (int?)e.BytePositionInLine + 1)]);
        }
    }

    public static (Condition? Condition, IReadOnlyList<SegmentError> Errors) Read(JsonElement root)
    {
        var reader = new SegmentJsonReader();
        var condition = reader.Node(root, "$");
        return (reader._errors.Count == 0 ? condition : null, reader._errors);
    }

    private Condition? Node(JsonElement node, string path)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return Fail(path, "must be an object");
        }

        var kind = Text(node, path, "kind");
        switch (kind)
        {
            case null:
                return null;
            case "and" or "or":
                var children = List(node, path, "conditions") is { } list ? list.Select((c, i) => Node(c, $"{path}.conditions[{i}]")).ToList() : null;
                return children is null || children.Contains(null) ? null
                    : kind == "and" ? new AndCondition(new(children!)) : new OrCondition(new(children!));
            case "not":
                return node.TryGetProperty("condition", out var inner) ? Node(inner, $"{path}.condition") is { } c ? new NotCondition(c) : null
                    : Fail($"{path}.condition", "is required");
            case "trait" or "value" or "profile":
                return Field(node, path, kind);
            case "performed":
                return Performed(node, path);
            case "first_performed" or "last_performed":
                var name = Text(node, path, "event");
                var where = Filters(node, path);
                var test = ReadTest(node, path, DataType.Date);
                return name is null || where is null || test is null ? null
                    : new EventTimeCondition(kind == "first_performed" ? EventTime.First : EventTime.Last, name, where, test);
            case "commerce":
                return Commerce(node, path);
            case "bought":
                var by = Enum<ProductKey>(node, path, "by");
                var value = Text(node, path, "value");
                var window = ReadWindow(node, path, out var windowOk);
                return by is null || value is null || !windowOk ? null : new BoughtCondition(by.Value, value, window);
            case "refunded":
                var refundWindow = ReadWindow(node, path, out var refundOk);
                return refundOk ? new RefundedCondition(refundWindow) : null;
            case "segment":
                return node.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var segmentId)
                    ? new InSegmentCondition(segmentId)
                    : Fail($"{path}.id", "must be a segment id (an integer)");
            case "bucket":
                return ReadTest(node, path, DataType.Number) is { } bucket ? new BucketCondition(bucket) : null;
            default:
                return Fail($"{path}.kind", $"unknown kind '{kind}' (expected and, or, not, trait, value, profile, performed, first_performed, last_performed, commerce, bought, refunded, segment, bucket)");
        }
    }

    private FieldCondition? Field(JsonElement node, string path, string kind)
    {
        var name = Text(node, path, "name");
        var type = Enum<DataType>(node, path, "type");
        var test = type is { } t ? ReadTest(node, path, t) : null;
        var source = Names.TryParse<FieldSource>(kind, out var parsed) ? parsed : FieldSource.Trait;
        return name is null || type is null || test is null ? null : new FieldCondition(source, name, type.Value, test);
    }

    private PerformedCondition? Performed(JsonElement node, string path)
    {
        var name = Text(node, path, "event");
        var count = PerformedCondition.AtLeastOnce;
        if (node.TryGetProperty("count", out var countNode))
        {
            count = countNode.ValueKind == JsonValueKind.Object ? ReadTest(countNode, $"{path}.count", DataType.Number)! : Fail<Test>($"{path}.count", "must be an object");
        }

        var window = ReadWindow(node, path, out var windowOk);
        var where = Filters(node, path);
        return name is null || count is null || !windowOk || where is null ? null : new PerformedCondition(name, count, window, where);
    }

    private CommerceCondition? Commerce(JsonElement node, string path)
    {
        var metric = Enum<CommerceMetric>(node, path, "metric");
        var type = metric is CommerceMetric.FirstOrderAt or CommerceMetric.LastOrderAt ? DataType.Date : DataType.Number;
        var test = metric is null ? null : ReadTest(node, path, type);
        return metric is null || test is null ? null : new CommerceCondition(metric.Value, test);
    }

    private ValueList<PropertyFilter>? Filters(JsonElement node, string path)
    {
        if (!node.TryGetProperty("where", out var where) || where.ValueKind == JsonValueKind.Null)
        {
            return new ValueList<PropertyFilter>([]);
        }

        if (where.ValueKind != JsonValueKind.Array)
        {
            return Fail<ValueList<PropertyFilter>>($"{path}.where", "must be an array of property filters");
        }

        var filters = new List<PropertyFilter>();
        var ok = true;
        foreach (var (filter, i) in where.EnumerateArray().Select((f, i) => (f, i)))
        {
            var at = $"{path}.where[{i}]";
            var property = filter.ValueKind == JsonValueKind.Object ? Text(filter, at, "property") : Fail<string>(at, "must be an object");
            var type = property is null ? null : Enum<DataType>(filter, at, "type");
            var test = type is { } t ? ReadTest(filter, at, t) : null;
            if (property is null || type is null || test is null)
            {
                ok = false;
                continue;
            }

            filters.Add(new PropertyFilter(property, type.Value, test));
        }

        return ok ? new(filters) : null;
    }

    private Window? ReadWindow(JsonElement node, string path, out bool ok)
    {
        ok = true;
        if (!node.TryGetProperty("window", out var window) || window.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var at = $"{path}.window";
        if (window.ValueKind == JsonValueKind.Object && window.TryGetProperty("days", out var days))
        {
            if (days.ValueKind == JsonValueKind.Number && days.TryGetInt32(out var n))
            {
                return Window.Within(n);
            }

            ok = false;
            return Fail<Window>($"{at}.days", "must be a whole number of days");
        }

        if (window.ValueKind == JsonValueKind.Object && window.TryGetProperty("from", out var from) && window.TryGetProperty("to", out var to))
        {
            var fromDay = Date(from, $"{at}.from");
            var toDay = Date(to, $"{at}.to");
            ok = fromDay is not null && toDay is not null;
            return ok ? Window.Between(fromDay!.Value, toDay!.Value) : null;
        }

        ok = false;
        return Fail<Window>(at, "must be {\"days\": N} or {\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}");
    }

    private Test? ReadTest(JsonElement node, string path, DataType type)
    {
        if (Text(node, path, "op") is not { } opName)
        {
            return null;
        }

        if (!Names.TryParse<Operator>(opName, out var op))
        {
            return Fail<Test>($"{path}.op", $"unknown operator '{opName}' (expected one of {Names.All<Operator>()})");
        }

        var operands = new List<Literal>();
        switch (OperatorRules.Shape(op))
        {
            case OperandShape.None:
                break;
            case OperandShape.Days:
                if (!node.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Number || !days.TryGetInt32(out var n))
                {
                    return Fail<Test>($"{path}.days", $"'{opName}' needs a whole number of days");
                }

                operands.Add(new DaysLiteral(n));
                break;
            case OperandShape.One:
                if (!node.TryGetProperty("value", out var value))
                {
                    return Fail<Test>($"{path}.value", $"'{opName}' needs a value");
                }

                if (Literal(value, $"{path}.value", type) is not { } one)
                {
                    return null;
                }

                operands.Add(one);
                break;
            default:
                if (!node.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
                {
                    return Fail<Test>($"{path}.values", $"'{opName}' needs an array of values");
                }

                var list = values.EnumerateArray().Select((v, i) => Literal(v, $"{path}.values[{i}]", type)).ToList();
                if (list.Contains(null))
                {
                    return null;
                }

                operands.AddRange(list!);
                break;
        }

        return new Test(op, new(operands));
    }

    private Literal? Literal(JsonElement value, string path, DataType type) => (type, value.ValueKind) switch
    {
        (DataType.Date, JsonValueKind.String) => Date(value, path) is { } day ? new DateLiteral(day) : null,
        (DataType.String or DataType.List or DataType.Any, JsonValueKind.String) => new StringLiteral(value.GetString()!),
        (DataType.Number or DataType.Any, JsonValueKind.Number) => value.TryGetDecimal(out var number) ? new NumberLiteral(number)
            : Fail<Literal>(path, "is a number out of range"),
        (DataType.Boolean or DataType.Any, JsonValueKind.True or JsonValueKind.False) => new BooleanLiteral(value.GetBoolean()),
        _ => Fail<Literal>(path, $"must be a {(type is DataType.List ? "string" : Names.Of(type))}"),
    };

    private DateOnly? Date(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : Fail<DateOnly?>(path, "must be a date written YYYY-MM-DD");

    private string? Text(JsonElement node, string path, string member) =>
        node.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()
            : Fail<string>($"{path}.{member}", node.TryGetProperty(member, out _) ? "must be a string" : "is required");

    private T? Enum<T>(JsonElement node, string path, string member) where T : struct, Enum
    {
        if (Text(node, path, member) is not { } name)
        {
            return null;
        }

        return Names.TryParse<T>(name, out var value) ? value : Fail<T?>($"{path}.{member}", $"unknown {member} '{name}' (expected one of {Names.All<T>()})");
    }

    private List<JsonElement>? List(JsonElement node, string path, string member) =>
        node.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()]
            : Fail<List<JsonElement>>($"{path}.{member}", "must be an array");

    private Condition? Fail(string path, string message) => Fail<Condition>(path, message);

    private T? Fail<T>(string path, string message)
    {
        _errors.Add(new SegmentError(path, message));
        return default;
    }
}
