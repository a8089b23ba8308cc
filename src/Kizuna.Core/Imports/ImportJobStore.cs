using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Imports;

/// <summary>Import jobs in the <c>imports</c> table; the progress and report are one JSON document per job.</summary>
public sealed class ImportJobStore(Database database, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<ImportJob> CreateAsync(long workspaceId, ImportKind kind, string fileName, CancellationToken ct)
    {
        var createdAt = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO imports (workspace_id, kind, file_name, status, report, created_at)
            VALUES (@workspaceId, @kind, @fileName, @status, '{}', @createdAt) RETURNING id
            """,
            new { workspaceId, kind = Name(kind), fileName, status = Name(ImportJobStatus.Queued), createdAt }, cancellationToken: ct));
        return new ImportJob(id, workspaceId, kind, fileName, ImportJobStatus.Queued, null, null, null, Epoch.FromMs(createdAt), null);
    }

    /// <summary>
    /// Records a job's progress or end. Only a job still queued or running changes: false means it has already
    /// ended (a run that ended it before its node stopped), and its holder must stop.
    /// </summary>
    internal async Task<bool> UpdateAsync(long id, ImportJobStatus status, ImportJobState state, CancellationToken ct)
    {
        var finished = status is ImportJobStatus.Succeeded or ImportJobStatus.Failed;
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE imports SET status = @status, report = {database.Dialect.Json("@report")}, finished_at = @finishedAt
            WHERE id = @id AND status IN (@queued, @running)
            """,
            new
            {
                id,
                status = Name(status),
                report = JsonSerializer.Serialize(state, Json),
                finishedAt = finished ? now : (long?)null,
                queued = Name(ImportJobStatus.Queued),
                running = Name(ImportJobStatus.Running),
            },
            cancellationToken: ct)) == 1;
    }

    public async Task<ImportJob?> FindAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            $"SELECT {Columns} FROM imports WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, cancellationToken: ct));
        return row?.ToJob();
    }

    public async Task<IReadOnlyList<ImportJob>> ListAsync(long workspaceId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"SELECT {Columns} FROM imports WHERE workspace_id = @workspaceId ORDER BY id DESC LIMIT @limit",
            new { workspaceId, limit = Math.Clamp(limit, 1, 200) }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToJob())];
    }

    private const string Columns = "id, workspace_id AS workspaceId, kind, file_name AS fileName, status, report, created_at AS createdAt, finished_at AS finishedAt";

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private sealed record JobRow(long Id, long WorkspaceId, string Kind, string FileName, string Status, string Report, long CreatedAt, long? FinishedAt)
    {
        public ImportJob ToJob()
        {
            var state = JsonSerializer.Deserialize<ImportJobState>(Report, Json);
            return new ImportJob(
                Id, WorkspaceId, Enum.Parse<ImportKind>(Kind, ignoreCase: true), FileName, Enum.Parse<ImportJobStatus>(Status, ignoreCase: true),
                state?.Progress, state?.Report, state?.Error, Epoch.FromMs(CreatedAt), Epoch.FromMs(FinishedAt));
        }
    }
}
