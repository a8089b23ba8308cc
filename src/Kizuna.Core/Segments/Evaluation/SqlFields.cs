using Kizuna.Segments.Definitions;

namespace Kizuna.Segments.Evaluation;

/// <summary>The <see cref="SqlValue"/> of traits, event properties, computed values and profile facts.</summary>
internal sealed class SqlFields(SqlParameters p)
{
    /// <summary>A member of a JSON column reached by a dotted path.</summary>
    public SqlValue Json(string column, string dotted)
    {
        var path = p.Path(dotted);
        if (p.Postgres)
        {
            var node = $"({column} #> CAST({path} AS text[]))";
            var type = $"jsonb_typeof({node})";
            var text = $"({column} #>> CAST({path} AS text[]))";
            return new SqlValue(
                $"({type} <> 'null')",
                $"(CASE WHEN {type} = 'string' THEN {text} END)",
                $"(CASE WHEN {type} = 'number' THEN CAST({text} AS numeric) END)",
                $"(CASE WHEN {type} = 'boolean' THEN CAST({text} AS boolean) END)",
                test => $"(CASE WHEN {type} = 'array' THEN EXISTS (SELECT 1 FROM jsonb_array_elements({node}) AS j(e) WHERE jsonb_typeof(j.e) = 'string' AND {test.Replace("j.v", "(j.e #>> '{}')", StringComparison.Ordinal)}) ELSE FALSE END)");
        }

        var sqliteType = $"json_type({column}, {path})";
        return new SqlValue(
            $"({sqliteType} <> 'null')",
            $"(CASE WHEN {sqliteType} = 'text' THEN json_extract({column}, {path}) END)",
            $"(CASE WHEN {sqliteType} IN ('integer', 'real') THEN json_extract({column}, {path}) END)",
            $"(CASE {sqliteType} WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)",
            test => $"(CASE WHEN {sqliteType} = 'array' THEN EXISTS (SELECT 1 FROM json_each({column}, {path}) AS j WHERE j.type = 'text' AND {test.Replace("j.v", "j.value", StringComparison.Ordinal)}) ELSE FALSE END)");
    }

    public SqlValue Field(FieldCondition field) => field.Source switch
    {
        FieldSource.Trait => Json("p.traits", field.Name),
        FieldSource.Value => Value(field.Name),
        _ => Text(ProfileField(field.Name)),
    };

    /// <summary>A profile fact: the first string among the places it may be kept.</summary>
    public string ProfileField(string name) => name switch
    {
        "timezone" => $"COALESCE({Json("p.context", "timezone").Text}, {Json("p.traits", "timezone").Text})",
        "locale" => $"COALESCE({Json("p.context", "locale").Text}, {Json("p.traits", "locale").Text})",
        _ => $"COALESCE({Json("p.traits", "country").Text}, {Json("p.traits", "address.country").Text})",
    };

    private static SqlValue Text(string text) => new($"({text} IS NOT NULL)", text, "NULL", "NULL", _ => "FALSE");

    private SqlValue Value(string name)
    {
        var row = $"FROM computed_values v WHERE v.workspace_id = p.workspace_id AND v.profile_id = p.id AND v.name = {p.Add(name)}";
        return new SqlValue(
            $"EXISTS (SELECT 1 {row} AND (v.text_value IS NOT NULL OR v.number_value IS NOT NULL))",
            "v.text_value",
            "v.number_value",
            "NULL",
            _ => "FALSE",
            test => $"EXISTS (SELECT 1 {row} AND {test})");
    }
}
