using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kizuna.Storage;

/// <summary>Recognises the engines' errors that a caller answers as a refusal rather than a failure.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused the row: someone else wrote the same key first.</summary>
    public static bool IsUniqueViolation(DbException e) => e switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,   // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        _ => false,
    };
}
