namespace Kizuna.Analytics.Metrics;

/// <summary>The age bands purchases are sliced into, as marketing reports use them.</summary>
public static class AgeBands
{
    public static readonly IReadOnlyList<string> All = ["under 18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"];

    /// <summary>The band of an age in whole years; null when unknown or not plausible (negative, past 130).</summary>
    public static string? Of(long? age) => age switch
    {
        null or < 0 or > 130 => null,
        < 18 => All[0],
        < 25 => All[1],
        < 35 => All[2],
        < 45 => All[3],
        < 55 => All[4],
        < 65 => All[5],
        _ => All[6],
    };

    /// <summary>
    /// Age in whole years on <c>@endYear</c>/<c>@endMonthDay</c> as SQL over <c>p.traits</c>: an <c>age</c> trait
    /// written as a whole number, else a <c>birthday</c> starting YYYY-MM-DD; NULL otherwise.
    /// </summary>
    public static string AgeSql(Kizuna.Storage.StoreKind kind) => kind == Kizuna.Storage.StoreKind.Postgres
        ? """
          CASE WHEN (p.traits ->> 'age') ~ '^[0-9]{1,3}$' THEN CAST(p.traits ->> 'age' AS integer)
               WHEN (p.traits ->> 'birthday') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'
               THEN @endYear - CAST(substr(p.traits ->> 'birthday', 1, 4) AS integer)
                    - CASE WHEN substr(p.traits ->> 'birthday', 6, 5) > @endMonthDay THEN 1 ELSE 0 END END
          """
        : """
          CASE WHEN json_type(p.traits, '$.age') = 'integer' THEN json_extract(p.traits, '$.age')
               WHEN json_type(p.traits, '$.age') = 'text' AND json_extract(p.traits, '$.age') GLOB '[0-9]*'
                    AND json_extract(p.traits, '$.age') NOT GLOB '*[^0-9]*' AND length(json_extract(p.traits, '$.age')) <= 3
               THEN CAST(json_extract(p.traits, '$.age') AS INTEGER)
               WHEN json_extract(p.traits, '$.birthday') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
               THEN @endYear - CAST(substr(json_extract(p.traits, '$.birthday'), 1, 4) AS INTEGER)
                    - CASE WHEN substr(json_extract(p.traits, '$.birthday'), 6, 5) > @endMonthDay THEN 1 ELSE 0 END END
          """;
}
