using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Storage;

namespace Kizuna.Segments.Definitions;

/// <summary>Writes a definition as its JSON tree, the form stored and served by the API.</summary>
public static class SegmentJsonWriter
{
    public static string Write(Condition condition) => Node(condition).ToJsonString(StoredJson.Options);

    public static JsonObject Node(Condition condition) => condition switch
    {
        AndCondition and => new() { ["kind"] = "and", ["conditions"] = new JsonArray([.. and.Conditions.Select(c => (JsonNode)Node(c))]) },
        OrCondition or => new() { ["kind"] = "or", ["conditions"] = new JsonArray([.. or.Conditions.Select(c => (JsonNode)Node(c))]) },
        NotCondition not => new() { ["kind"] = "not", ["condition"] = Node(not.Condition) },
        FieldCondition field => WithTest(new() { ["kind"] = Names.Of(field.Source), ["name"] = field.Name, ["type"] = Names.Of(field.Type) }, field.Test),
        PerformedCondition performed => Performed(performed),
        EventTimeCondition time => WithTest(
            new() { ["kind"] = time.Which == EventTime.First ? "first_performed" : "last_performed", ["event"] = time.Event, ["where"] = Filters(time.Where) },
            time.Test),
        CommerceCondition commerce => WithTest(new() { ["kind"] = "commerce", ["metric"] = Names.Of(commerce.Metric) }, commerce.Test),
        BoughtCondition bought => WithWindow(new() { ["kind"] = "bought", ["by"] = Names.Of(bought.By), ["value"] = bought.Value }, bought.Window),
        RefundedCondition refunded => WithWindow(new() { ["kind"] = "refunded" }, refunded.Window),
        InSegmentCondition segment => new() { ["kind"] = "segment", ["id"] = segment.SegmentId },
        BucketCondition bucket => WithTest(new() { ["kind"] = "bucket" }, bucket.Test),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.GetType().Name, "Unknown condition."),
    };

    private static JsonObject Performed(PerformedCondition performed)
    {
        var node = new JsonObject { ["kind"] = "performed", ["event"] = performed.Event };
        if (performed.Count != PerformedCondition.AtLeastOnce)
        {
            node["count"] = WithTest([], performed.Count);
        }

        WithWindow(node, performed.Window);
        if (performed.Where.Count > 0)
        {
            node["where"] = Filters(performed.Where);
        }

        return node;
    }

    private static JsonArray Filters(ValueList<PropertyFilter> filters) =>
        new([.. filters.Select(f => (JsonNode)WithTest(new() { ["property"] = f.Path, ["type"] = Names.Of(f.Type) }, f.Test))]);

    private static JsonObject WithWindow(JsonObject node, Window? window)
    {
        if (window is { Days: { } days })
        {
            node["window"] = new JsonObject { ["days"] = days };
        }
        else if (window is { From: { } from, To: { } to })
        {
            node["window"] = new JsonObject { ["from"] = Day(from), ["to"] = Day(to) };
        }

        return node;
    }

    private static JsonObject WithTest(JsonObject node, Test test)
    {
        node["op"] = Names.Of(test.Operator);
        switch (OperatorRules.Shape(test.Operator))
        {
            case OperandShape.None:
                break;
            case OperandShape.Days:
                node["days"] = test.Operands.Count > 0 && test.Operands[0] is DaysLiteral days ? days.Value : 0;
                break;
            case OperandShape.One when test.Operands.Count == 1:
                node["value"] = Value(test.Operands[0]);
                break;
            default:
                node["values"] = new JsonArray([.. test.Operands.Select(Value)]);
                break;
        }

        return node;
    }

    private static JsonNode? Value(Literal literal) => literal switch
    {
        StringLiteral s => s.Value,
        NumberLiteral n => n.Value,
        BooleanLiteral b => b.Value,
        DateLiteral d => Day(d.Value),
        DaysLiteral d => d.Value,
        _ => null,
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
