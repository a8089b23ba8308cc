namespace Kizuna.Segments.Definitions;

/// <summary>
/// Checks what a definition means: operators that apply to the type, operands that fit, sensible windows, fields
/// that exist, and no cycle through segment references. Every error carries the JSON path of its node.
/// </summary>
/// <param name="segments">The definition of another segment of the workspace by id (null when there is none), for references.</param>
/// <param name="selfId">The id of the segment being validated, when it has one, so a reference back to it is a cycle.</param>
public sealed partial class SegmentValidator(Func<long, Condition?>? segments = null, long? selfId = null)
{
    public const int MaxAnniversaryDays = 366;

    /// <summary>How many conditions one definition may hold: far above any real audience, and it bounds the SQL it compiles to.</summary>
    public const int MaxConditions = 500;

    private static readonly HashSet<string> ProfileFields = ["timezone", "locale", "country"];

    private readonly List<SegmentError> _errors = [];

    public static IReadOnlyList<SegmentError> Validate(Condition condition, Func<long, Condition?>? segments = null, long? selfId = null)
    {
        var validator = new SegmentValidator(segments, selfId);
        if (Count(condition) is var count and > MaxConditions)
        {
            validator.Error("$", $"a definition holds at most {MaxConditions} conditions; this one holds {count}");
            return validator._errors;
        }

        validator.Check(condition, "$");
        return validator._errors;
    }

    private static int Count(Condition condition) => condition switch
    {
        AndCondition and => 1 + and.Conditions.Sum(Count),
        OrCondition or => 1 + or.Conditions.Sum(Count),
        NotCondition not => 1 + Count(not.Condition),
        _ => 1,
    };

    private void Check(Condition condition, string path)
    {
        switch (condition)
        {
            case AndCondition { Conditions: var list }:
                Group(list, path);
                break;
            case OrCondition { Conditions: var list }:
                Group(list, path);
                break;
            case NotCondition not:
                Check(not.Condition, $"{path}.condition");
                break;
            case FieldCondition field:
                Field(field, path);
                break;
            case PerformedCondition performed:
                EventName(performed.Event, performed.Where, path);
                CheckTest(performed.Count, OperatorRules.NumberTests, DataType.Number, $"{path}.count", wholeNumbers: true);
                CheckWindow(performed.Window, path);
                break;
            case EventTimeCondition time:
                EventName(time.Event, time.Where, path);
                CheckTest(time.Test, OperatorRules.DateTests, DataType.Date, path);
                break;
            case CommerceCondition { Metric: CommerceMetric.FirstOrderAt or CommerceMetric.LastOrderAt } commerce:
                CheckTest(commerce.Test, [.. OperatorRules.DateTests, Operator.Exists, Operator.NotSet], DataType.Date, path);
                break;
            case CommerceCondition commerce:
                CheckTest(commerce.Test, OperatorRules.NumberTests, DataType.Number, path, wholeNumbers: commerce.Metric == CommerceMetric.OrderCount);
                if (commerce.Metric != CommerceMetric.OrderCount && commerce.Test.Operands.OfType<NumberLiteral>().Any(n => n.Value.Scale > Commerce.Money.Scale))
                {
                    Error(path, $"an amount has at most {Commerce.Money.Scale} decimal places");
                }

                break;
            case BoughtCondition bought:
                Required(bought.Value, $"{path}.value");
                CheckWindow(bought.Window, path);
                break;
            case RefundedCondition refunded:
                CheckWindow(refunded.Window, path);
                break;
            case InSegmentCondition segment:
                Segment(segment.SegmentId, path);
                break;
            case BucketCondition bucket:
                CheckTest(bucket.Test, OperatorRules.NumberTests, DataType.Number, path, wholeNumbers: true);
                break;
        }
    }

    private void Group(ValueList<Condition> conditions, string path)
    {
        if (conditions.Count == 0)
        {
            Error($"{path}.conditions", "needs at least one condition");
        }

        for (var i = 0; i < conditions.Count; i++)
        {
            Check(conditions[i], $"{path}.conditions[{i}]");
        }
    }

    private void Field(FieldCondition field, string path)
    {
        if (Required(field.Name, $"{path}.name") && field.Source == FieldSource.Profile && !ProfileFields.Contains(field.Name))
        {
            Error($"{path}.name", $"unknown profile field '{field.Name}' (expected timezone, locale or country)");
        }
        else if (field.Source == FieldSource.Trait)
        {
            PathName(field.Name, $"{path}.name");
        }

        var types = field.Source switch
        {
            FieldSource.Value => [DataType.String, DataType.Number, DataType.Date, DataType.Any],
            FieldSource.Profile => [DataType.String, DataType.Any],
            _ => Enum.GetValues<DataType>(),
        };
        if (!types.Contains(field.Type))
        {
            Error($"{path}.type", $"a {Names.Of(field.Source)} cannot be compared as {Names.Of(field.Type)} (allowed: {string.Join(", ", types.Select(Names.Of))})");
            return;
        }

        CheckTest(field.Test, OperatorRules.For(field.Type), field.Type, path);
    }

    private void EventName(string name, ValueList<PropertyFilter> where, string path)
    {
        Required(name, $"{path}.event");
        if (where.Count > 0 && name.StartsWith('$'))
        {
            Error($"{path}.where", "property filters apply to track events only, not to page, screen, identify or group calls");
        }

        for (var i = 0; i < where.Count; i++)
        {
            var at = $"{path}.where[{i}]";
            PathName(where[i].Path, $"{at}.property");
            var allowed = OperatorRules.For(where[i].Type).Where(o => o != Operator.AnniversaryWithinDays).ToList();
            CheckTest(where[i].Test, allowed, where[i].Type, at);
        }
    }

    private void PathName(string name, string path)
    {
        if (name.Length > 0 && (name.Split('.').Any(s => s.Length == 0) || !Profiles.TraitNames.CanQuote(name)))
        {
            Error(path, "must be names separated by single dots, without quotes or control characters");
        }
        else
        {
            Required(name, path);
        }
    }

    private bool Required(string value, string path)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Error(path, "is required");
        return false;
    }

    private void Error(string path, string message) => _errors.Add(new SegmentError(path, message));
}
