namespace Kizuna.Storage;

/// <summary>
/// The few places where Kizuna's SQL differs between SQLite and PostgreSQL. Everything else is written once in
/// the subset both understand (<c>ON CONFLICT … DO UPDATE</c>, <c>RETURNING</c>, multi-row <c>VALUES</c>).
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(StoreKind.Sqlite);
    public static readonly SqlDialect Postgres = new(StoreKind.Postgres);

    private SqlDialect(StoreKind kind) => Kind = kind;

    public StoreKind Kind { get; }

    /// <summary>A parameter that holds JSON text, as the engine wants it bound to a JSON column.</summary>
    public string Json(string parameter) => Kind == StoreKind.Postgres ? $"CAST({parameter} AS jsonb)" : parameter;

    /// <summary>Case-insensitive LIKE.</summary>
    public string ILike => Kind == StoreKind.Postgres ? "ILIKE" : "LIKE";

    /// <summary>
    /// A top-level member of a JSON column as text, the way PostgreSQL's <c>->></c> gives it: a string unquoted, a
    /// number or boolean as written (<c>30</c>, <c>true</c>), JSON null as SQL NULL. SQLite's <c>json_extract</c>
    /// alone would give numbers and booleans as SQL numbers, which never equal a text parameter.
    /// </summary>
    public string JsonText(string column, string keyParameter)
    {
        if (Kind == StoreKind.Postgres)
        {
            return $"({column} ->> {keyParameter})";
        }

        var path = $"('$.\"' || {keyParameter} || '\"')";
        return $"(CASE json_type({column}, {path}) WHEN 'text' THEN json_extract({column}, {path}) WHEN 'null' THEN NULL ELSE {column} -> {path} END)";
    }

    /// <summary>
    /// <paramref name="column"/> is one of the array bound as <paramref name="parameter"/>: Dapper expands
    /// <c>IN @list</c> on SQLite, and PostgreSQL takes the array whole (<c>= ANY(@list)</c>).
    /// </summary>
    public string OneOf(string column, string parameter) => Kind == StoreKind.Postgres ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";

    /// <summary>
    /// <paramref name="column"/> as a term no index is chosen for: SQLite's unary <c>+</c>. With no statistics SQLite
    /// may pick an index on a column that avoids a sort or narrows by a name over one that finds the request's few
    /// rows by their key (a customer's orders, a batch's events); marking the other column keeps it on that key.
    /// PostgreSQL plans from its statistics and gets the column as it is.
    /// </summary>
    public string NoIndex(string column) => Kind == StoreKind.Sqlite ? "+" + column : column;

    /// <summary>The smaller of two values (SQLite's scalar <c>min</c>, PostgreSQL's <c>LEAST</c>).</summary>
    public string Least(string a, string b) => Kind == StoreKind.Postgres ? $"LEAST({a}, {b})" : $"min({a}, {b})";

    /// <summary>The larger of two values.</summary>
    public string Greatest(string a, string b) => Kind == StoreKind.Postgres ? $"GREATEST({a}, {b})" : $"max({a}, {b})";

    /// <summary>
    /// The locking clause of a claim's inner <c>SELECT</c>: PostgreSQL nodes skip the rows another node is claiming
    /// at the same moment; SQLite has one writer at a time, so there is nothing to skip.
    /// </summary>
    public string SkipLocked => Kind == StoreKind.Postgres ? "FOR UPDATE SKIP LOCKED" : "";

    /// <summary>
    /// <paramref name="column"/> is one of the ids bound as <paramref name="parameter"/> with <see cref="Ids"/>: one
    /// parameter however many ids (a PostgreSQL array; on SQLite a JSON array read by <c>json_each</c>, since
    /// Microsoft.Data.Sqlite looks every named parameter up by a linear search).
    /// </summary>
    public string InIds(string column, string parameter) =>
        Kind == StoreKind.Postgres ? $"{column} = ANY({parameter})" : $"{column} IN (SELECT value FROM json_each({parameter}))";

    /// <summary>
    /// <paramref name="column"/> is one of the values <paramref name="select"/> returns. PostgreSQL gets the subquery
    /// as an array, which it runs first and then looks the rows up by key; given <c>IN (…)</c> it chose a hash join
    /// over the whole table for a 500-row claim (20 ms against 9 on 100,000 jobs, growing with the table).
    /// </summary>
    public string InSelected(string column, string select) =>
        Kind == StoreKind.Postgres ? $"{column} = ANY(ARRAY({select}))" : $"{column} IN ({select})";

    /// <summary>The value to bind for <see cref="InIds"/>.</summary>
    public object Ids(IEnumerable<long> ids) =>
        Kind == StoreKind.Postgres ? ids.ToArray() : "[" + string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    /// <summary>
    /// The id of the transaction the statement runs in, as a number that orders transactions by when they began
    /// writing: PostgreSQL's 64-bit <c>pg_current_xact_id()</c>; 0 on SQLite, whose single writer commits in id order.
    /// </summary>
    public string CurrentTransaction => Kind == StoreKind.Postgres ? "pg_current_xact_id()::text::bigint" : "0";

    /// <summary>
    /// The oldest transaction id that may still be running, taken from the statement's own snapshot: every
    /// transaction below it has committed or aborted, so a row stamped with a smaller <see cref="CurrentTransaction"/>
    /// is final and none can still appear below it. SQLite: the largest bigint (every committed row is final).
    /// </summary>
    public string VisibleHorizon => Kind == StoreKind.Postgres ? "pg_snapshot_xmin(pg_current_snapshot())::text::bigint" : "9223372036854775807";

    /// <summary>
    /// The order of the change feed, <c>tx, id</c>. On SQLite every change is stamped 0 (<see cref="CurrentTransaction"/>),
    /// so the feed's order is its ids' and a position is its id: given the row value <c>(tx, id)</c> instead, SQLite
    /// seeks on <c>tx</c> alone and walks every change the feed retains to find the next few.
    /// </summary>
    public string ChangeOrder => Kind == StoreKind.Postgres ? "tx, id" : "id";

    /// <summary>The changes after the position <c>(@tx, @id)</c>, in a form each engine seeks on (see <see cref="ChangeOrder"/>).</summary>
    public string ChangesAfter => Kind == StoreKind.Postgres ? "(tx, id) > (@tx, @id)" : "id > @id";

    /// <summary>The changes at or before the position <c>(@tx, @id)</c> (see <see cref="ChangeOrder"/>).</summary>
    public string ChangesUpTo => Kind == StoreKind.Postgres ? "(tx, id) <= (@tx, @id)" : "id <= @id";
}
