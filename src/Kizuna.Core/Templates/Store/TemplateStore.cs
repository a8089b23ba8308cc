using System.Globalization;
using Dapper;
using Kizuna.Storage;
using Kizuna.Templates.ContentBlocks;

namespace Kizuna.Templates.Store;

/// <summary>
/// Templates and content blocks per workspace. Every save adds an immutable version and moves the head row's
/// current version, so the current body is one indexed join away. It is also the content-block source of every
/// render: <c>{% content_block "footer" %}</c> reads the current version of the block named footer.
/// </summary>
/// <remarks>
/// Writes are internal: <see cref="TemplateLibrary"/> parses bodies before they are stored, which this class cannot
/// do itself because the template service depends on it for content blocks.
/// </remarks>
public sealed class TemplateStore(Database database, TimeProvider time) : IContentBlockSource
{
    public const int MaxNameLength = 64;

    /// <summary>Names are what marketers type in <c>{% content_block "…" %}</c>: <c>[a-z0-9_-]{1,64}</c>.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');

    internal async Task<TemplateSaveResult> CreateAsync(long workspaceId, TemplateKind kind, string name, TemplateDraft draft, string author, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            INSERT INTO templates (workspace_id, kind, name, current_version, created_at, updated_at)
            VALUES (@workspaceId, @kind, @name, 1, @now, @now)
            ON CONFLICT (workspace_id, kind, name) DO NOTHING RETURNING id
            """,
            new { workspaceId, kind = TemplateKinds.Name(kind), name, now }, transaction, cancellationToken: ct));
        if (id is not { } templateId)
        {
            return new TemplateSaveResult(TemplateSaveStatus.NameTaken, Field: "name",
                Message: $"This workspace already has a {TemplateKinds.Name(kind)} named '{name}'.");
        }

        await InsertVersionAsync(connection, transaction, workspaceId, templateId, 1, draft, now, author, ct);
        await transaction.CommitAsync(ct);
        return TemplateSaveResult.Saved(new StoredTemplate(
            templateId, workspaceId, kind, name, 1, 1, draft.Subject, draft.Description, draft.Body, Epoch.FromMs(now), author, draft.Channel, draft.ChannelFields));
    }

    /// <summary>Saves a new version; with <paramref name="expectedVersion"/> only when nobody saved since that one.</summary>
    internal async Task<TemplateSaveResult> SaveVersionAsync(long workspaceId, long id, TemplateDraft draft, int? expectedVersion, string author, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // The update takes the row lock first, so concurrent saves get consecutive versions.
        var head = await connection.QuerySingleOrDefaultAsync<(long Version, string Kind, string Name)>(new CommandDefinition(
            """
            UPDATE templates SET current_version = current_version + 1, updated_at = @now
            WHERE workspace_id = @workspaceId AND id = @id RETURNING current_version, kind, name
            """,
            new { workspaceId, id, now }, transaction, cancellationToken: ct));
        if (head.Name is null)
        {
            return new TemplateSaveResult(TemplateSaveStatus.NotFound);
        }

        var version = (int)head.Version;
        if (expectedVersion is { } expected && expected != version - 1)
        {
            await transaction.RollbackAsync(ct);
            return new TemplateSaveResult(TemplateSaveStatus.VersionConflict, Field: "expectedVersion",
                Message: $"Version {version - 1} was saved after version {expected}; reload it before saving.");
        }

        await InsertVersionAsync(connection, transaction, workspaceId, id, version, draft, now, author, ct);
        await transaction.CommitAsync(ct);
        return TemplateSaveResult.Saved(new StoredTemplate(
            id, workspaceId, TemplateKinds.Parse(head.Kind), head.Name, version, version, draft.Subject, draft.Description, draft.Body, Epoch.FromMs(now), author, draft.Channel, draft.ChannelFields));
    }

    /// <summary>The current version, or the given one; null when the workspace has no such template or version.</summary>
    public async Task<StoredTemplate?> FindAsync(long workspaceId, long id, int? version, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            $"{VersionRow.Select(version is not null)} WHERE t.workspace_id = @workspaceId AND t.id = @id",
            new { workspaceId, id, version = (long?)version }, cancellationToken: ct));
        return row?.ToStored();
    }

    /// <summary>The current version of the template of this kind and name.</summary>
    public async Task<StoredTemplate?> FindByNameAsync(long workspaceId, TemplateKind kind, string name, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            $"{VersionRow.Select(pinned: false)} WHERE t.workspace_id = @workspaceId AND t.kind = @kind AND t.name = @name",
            new { workspaceId, kind = TemplateKinds.Name(kind), name }, cancellationToken: ct));
        return row?.ToStored();
    }

    /// <summary>Every template of the workspace (or of one kind), by kind and name, without bodies.</summary>
    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(long workspaceId, TemplateKind? kind, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            $"""
            SELECT t.id, t.kind, t.name, t.current_version AS version, v.subject, v.description,
                   t.created_at AS createdAt, t.updated_at AS updatedAt, v.created_by AS updatedBy, v.channel
            FROM templates t JOIN template_versions v ON v.template_id = t.id AND v.version = t.current_version
            WHERE t.workspace_id = @workspaceId {(kind is null ? "" : "AND t.kind = @kind")}
            ORDER BY t.kind DESC, t.name
            """,
            new { workspaceId, kind = kind is { } k ? TemplateKinds.Name(k) : null }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToSummary())];
    }

    /// <summary>The template's history, newest first; null when the workspace has no such template.</summary>
    public async Task<IReadOnlyList<TemplateVersionInfo>?> VersionsAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<(long Version, string? Description, long CreatedAt, string CreatedBy)>(new CommandDefinition(
            """
            SELECT v.version, v.description, v.created_at, v.created_by
            FROM template_versions v JOIN templates t ON t.id = v.template_id
            WHERE t.workspace_id = @workspaceId AND t.id = @id ORDER BY v.version DESC
            """,
            new { workspaceId, id }, cancellationToken: ct))).ToList();
        return rows.Count == 0 ? null : [.. rows.Select(r => new TemplateVersionInfo((int)r.Version, r.Description, Epoch.FromMs(r.CreatedAt), r.CreatedBy))];
    }

    /// <summary>The current version of a content block, for renders; one indexed read, parsed only when it changed.</summary>
    public async ValueTask<ContentBlock?> GetAsync(string workspaceId, string name, CancellationToken ct)
    {
        if (!long.TryParse(workspaceId, NumberStyles.None, CultureInfo.InvariantCulture, out var workspace) || !IsValidName(name))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(long Version, string Body)>(new CommandDefinition(
            """
            SELECT v.version, v.body
            FROM templates t JOIN template_versions v ON v.template_id = t.id AND v.version = t.current_version
            WHERE t.workspace_id = @workspace AND t.kind = 'content_block' AND t.name = @name
            """,
            new { workspace, name }, cancellationToken: ct));
        return row.Body is null ? null : new ContentBlock(name, (int)row.Version, row.Body);
    }

    private static Task<int> InsertVersionAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        long workspaceId, long templateId, int version, TemplateDraft draft, long now, string author, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO template_versions (template_id, version, workspace_id, subject, description, body, created_at, created_by, channel, channel_fields)
            VALUES (@templateId, @version, @workspaceId, @Subject, @Description, @Body, @now, @author, @Channel, @ChannelFields)
            """,
            new { templateId, version = (long)version, workspaceId, draft.Subject, draft.Description, draft.Body, now, author, draft.Channel, draft.ChannelFields },
            transaction, cancellationToken: ct));

    private sealed record VersionRow(
        long Id, long WorkspaceId, string Kind, string Name, long Version, long CurrentVersion,
        string? Subject, string? Description, string Body, long CreatedAt, string CreatedBy, string? Channel, string? ChannelFields)
    {
        /// <summary>The select of one version: the one named by <c>@version</c> when pinned, else the current one.</summary>
        public static string Select(bool pinned) =>
            $"""
            SELECT t.id, t.workspace_id AS workspaceId, t.kind, t.name, v.version, t.current_version AS currentVersion,
                   v.subject, v.description, v.body, v.created_at AS createdAt, v.created_by AS createdBy,
                   v.channel, v.channel_fields AS channelFields
            FROM templates t JOIN template_versions v ON v.template_id = t.id AND v.version = {(pinned ? "@version" : "t.current_version")}
            """;

        public StoredTemplate ToStored() => new(
            Id, WorkspaceId, TemplateKinds.Parse(Kind), Name, (int)Version, (int)CurrentVersion, Subject, Description, Body, Epoch.FromMs(CreatedAt), CreatedBy, Channel, ChannelFields);
    }

    private sealed record SummaryRow(
        long Id, string Kind, string Name, long Version, string? Subject, string? Description, long CreatedAt, long UpdatedAt, string UpdatedBy, string? Channel)
    {
        public TemplateSummary ToSummary() => new(
            Id, TemplateKinds.Parse(Kind), Name, (int)Version, Subject, Description, Epoch.FromMs(CreatedAt), Epoch.FromMs(UpdatedAt), UpdatedBy, Channel);
    }
}
