using System.Security.Cryptography;
using System.Text;
using Dapper;
using Kizuna.Storage;

namespace Kizuna.Workspaces;

/// <summary>
/// Invitations to a workspace. Creating one looks at no user account, so the inviter learns nothing about who
/// already has one; the invited person accepts with the link's secret (only its SHA-256 is stored), once, before it
/// expires, and only then becomes a member.
/// </summary>
public sealed class InvitationService(Database database, TimeProvider time)
{
    private const string Columns =
        """
        id, workspace_id AS workspaceId, email, role, invited_by AS invitedBy, created_at AS createdAt,
        expires_at AS expiresAt, accepted_at AS acceptedAt, revoked_at AS revokedAt
        """;

    public async Task<CreatedInvitation> CreateAsync(long workspaceId, string email, Role role, string invitedBy, TimeSpan lifetime, CancellationToken ct)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = Epoch.ToMs(time.GetUtcNow());
        var expires = now + (long)lifetime.TotalMilliseconds;
        await using var connection = await database.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO invitations (workspace_id, email, role, secret_hash, invited_by, created_at, expires_at)
            VALUES (@workspaceId, @email, @role, @hash, @invitedBy, @now, @expires) RETURNING id
            """,
            new { workspaceId, email, role = RoleName(role), hash = Hash(secret), invitedBy, now, expires }, cancellationToken: ct));
        return new CreatedInvitation(new Invitation(id, workspaceId, email, role, invitedBy, Epoch.FromMs(now), Epoch.FromMs(expires), null, null), secret);
    }

    /// <summary>The invitations of a workspace that can still be accepted, oldest first.</summary>
    public async Task<IReadOnlyList<Invitation>> ListPendingAsync(long workspaceId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM invitations
            WHERE workspace_id = @workspaceId AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now ORDER BY id
            """,
            new { workspaceId, now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToInvitation())];
    }

    /// <summary>The invitation a link names, when its secret matches and it can still be accepted; otherwise null.</summary>
    public async Task<Invitation?> FindPendingAsync(long id, string secret, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM invitations
            WHERE id = @id AND secret_hash = @hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now
            """,
            new { id, hash = Hash(secret), now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct));
        return row?.ToInvitation();
    }

    public async Task<bool> RevokeAsync(long workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE invitations SET revoked_at = @now WHERE id = @id AND workspace_id = @workspaceId AND accepted_at IS NULL AND revoked_at IS NULL",
            new { id, workspaceId, now = Epoch.ToMs(time.GetUtcNow()) }, cancellationToken: ct)) > 0;
    }

    /// <summary>
    /// Uses the invitation up and makes the user a member with its role, in one transaction: of two acceptances of
    /// the same link only one succeeds. Null when the link is unknown, used, revoked or expired.
    /// </summary>
    public async Task<Invitation?> AcceptAsync(long id, string secret, long userId, CancellationToken ct)
    {
        var now = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            $"""
            UPDATE invitations SET accepted_at = @now, accepted_by = @userId
            WHERE id = @id AND secret_hash = @hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now
            RETURNING {Columns}
            """,
            new { id, hash = Hash(secret), userId, now }, transaction, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO memberships (workspace_id, user_id, role) VALUES (@workspaceId, @userId, @role)
            ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role
            """,
            new { workspaceId = row.WorkspaceId, userId, role = row.Role }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return row.ToInvitation();
    }

    private static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private sealed record InvitationRow(
        long Id, long WorkspaceId, string Email, string Role, string InvitedBy, long CreatedAt, long ExpiresAt, long? AcceptedAt, long? RevokedAt)
    {
        public Invitation ToInvitation() => new(Id, WorkspaceId, Email, Enum.Parse<Role>(Role, ignoreCase: true), InvitedBy,
            Epoch.FromMs(CreatedAt), Epoch.FromMs(ExpiresAt), Epoch.FromMs(AcceptedAt), Epoch.FromMs(RevokedAt));
    }
}
