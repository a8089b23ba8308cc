using Dapper;
using Kizuna.Storage;

namespace Kizuna.Workspaces;

/// <summary>Dashboard users and their passwords.</summary>
public sealed class UserService(Database database, TimeProvider time)
{
    public async Task<User> CreateAsync(string email, string name, string password, CancellationToken ct)
    {
        var createdAt = Epoch.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO users (email, name, password_hash, created_at) VALUES (@email, @name, @hash, @createdAt) RETURNING id",
            new { email, name, hash = PasswordHasher.Hash(password), createdAt }, cancellationToken: ct));
        return new User(id, email, name, Epoch.FromMs(createdAt));
    }

    /// <summary>The user whose email and password match, or null; the same work is done either way.</summary>
    public async Task<User?> VerifyAsync(string email, string password, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            "SELECT id, email, name, password_hash AS passwordHash, created_at AS createdAt FROM users WHERE lower(email) = lower(@email)",
            new { email }, cancellationToken: ct));
        var valid = PasswordHasher.Verify(password, row?.PasswordHash ?? DummyHash);
        return valid && row is not null ? row.ToUser() : null;
    }

    public async Task<User?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            "SELECT id, email, name, password_hash AS passwordHash, created_at AS createdAt FROM users WHERE id = @id",
            new { id }, cancellationToken: ct));
        return row?.ToUser();
    }

    public async Task<User?> FindByEmailAsync(string email, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            "SELECT id, email, name, password_hash AS passwordHash, created_at AS createdAt FROM users WHERE lower(email) = lower(@email)",
            new { email }, cancellationToken: ct));
        return row?.ToUser();
    }

    public async Task<bool> AnyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM users", cancellationToken: ct)) > 0;
    }

    // Verifying against a throwaway hash when the email is unknown keeps the response time from telling who exists.
    private static readonly string DummyHash = PasswordHasher.Hash(Guid.NewGuid().ToString());

    private sealed record UserRow(long Id, string Email, string Name, string PasswordHash, long CreatedAt)
    {
        public User ToUser() => new(Id, Email, Name, Epoch.FromMs(CreatedAt));
    }
}
