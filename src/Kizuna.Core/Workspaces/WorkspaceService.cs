using Dapper;
using Kizuna.Storage;

namespace Kizuna.Workspaces;

/// <summary>Creates and lists workspaces and who belongs to them.</summary>
public sealed class WorkspaceService(Database database, TimeProvider time)
{
    public async Task<Workspace> CreateAsync(string slug, string name, CancellationToken ct)
    {
        var createdAt = time.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO workspaces (slug, name, created_at) VALUES (@slug, @name, @createdAt) RETURNING id",
            new { slug, name, createdAt = Epoch.ToMs(createdAt) }, cancellationToken: ct));
        return new Workspace(id, slug, name, Epoch.FromMs(Epoch.ToMs(createdAt)));
    }

    public async Task<IReadOnlyList<Workspace>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<WorkspaceRow>(new CommandDefinition(
            "SELECT id, slug, name, created_at AS createdAt FROM workspaces ORDER BY id", cancellationToken: ct));
        return [.. rows.Select(r => r.ToWorkspace())];
    }

    public async Task<Workspace?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<WorkspaceRow>(new CommandDefinition(
            "SELECT id, slug, name, created_at AS createdAt FROM workspaces WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToWorkspace();
    }

    public async Task<Workspace?> FindBySlugAsync(string slug, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<WorkspaceRow>(new CommandDefinition(
            "SELECT id, slug, name, created_at AS createdAt FROM workspaces WHERE slug = @slug", new { slug }, cancellationToken: ct));
        return row?.ToWorkspace();
    }

    public async Task AddMemberAsync(long workspaceId, long userId, Role role, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO memberships (workspace_id, user_id, role) VALUES (@workspaceId, @userId, @role)
            ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role
            """,
            new { workspaceId, userId, role = role.ToString().ToLowerInvariant() }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Membership>> MembershipsAsync(long userId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<MembershipRow>(new CommandDefinition(
            """
            SELECT w.id, w.slug, w.name, w.created_at AS createdAt, m.role
            FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
            WHERE m.user_id = @userId ORDER BY w.id
            """,
            new { userId }, cancellationToken: ct));
        return [.. rows.Select(r => new Membership(
            new Workspace(r.Id, r.Slug, r.Name, Epoch.FromMs(r.CreatedAt)), Enum.Parse<Role>(r.Role, ignoreCase: true)))];
    }

    /// <summary>The user's membership of one workspace, or null when they hold none there.</summary>
    public async Task<Membership?> FindMembershipAsync(long userId, long workspaceId, CancellationToken ct) =>
        (await MembershipsAsync(userId, ct)).FirstOrDefault(m => m.Workspace.Id == workspaceId);

    /// <summary>The users of a workspace with their roles.</summary>
    public async Task<IReadOnlyList<Member>> MembersAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string Email, string Name, long CreatedAt, string Role)>(new CommandDefinition(
            """
            SELECT u.id, u.email, u.name, u.created_at, m.role
            FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.workspace_id = @workspaceId ORDER BY u.id
            """,
            new { workspaceId }, cancellationToken: ct));
        return [.. rows.Select(r => new Member(new User(r.Id, r.Email, r.Name, Epoch.FromMs(r.CreatedAt)), Enum.Parse<Role>(r.Role, ignoreCase: true)))];
    }

    public async Task<bool> RemoveMemberAsync(long workspaceId, long userId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM memberships WHERE workspace_id = @workspaceId AND user_id = @userId", new { workspaceId, userId }, cancellationToken: ct)) > 0;
    }

    private sealed record WorkspaceRow(long Id, string Slug, string Name, long CreatedAt)
    {
        public Workspace ToWorkspace() => new(Id, Slug, Name, Epoch.FromMs(CreatedAt));
    }

    private sealed record MembershipRow(long Id, string Slug, string Name, long CreatedAt, string Role);
}
