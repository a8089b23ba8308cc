using Dapper;
using Kizuna.Storage;
using TimeZoneConverter;

namespace Kizuna.Workspaces;

/// <summary>
/// The time zone each dashboard user reads times in. None set means "my browser's zone", so a user who travels sees
/// local times without changing a setting.
/// </summary>
public sealed class UserTimeZones(Database database)
{
    /// <summary>The user's chosen zone (an IANA id), or null to follow the browser.</summary>
    public async Task<string?> GetAsync(long userId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT time_zone FROM users WHERE id = @userId", new { userId }, cancellationToken: ct));
    }

    /// <summary>Sets the user's zone, or clears it with null; an id that names no zone is refused.</summary>
    public async Task SetAsync(long userId, string? zone, CancellationToken ct)
    {
        if (zone is not null && Find(zone) is null)
        {
            throw new ArgumentException($"'{zone}' is not a time zone id such as Asia/Tokyo.", nameof(zone));
        }

        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET time_zone = @zone WHERE id = @userId", new { userId, zone }, cancellationToken: ct));
    }

    /// <summary>The zone of an IANA (or Windows) id, or null when it names none.</summary>
    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TZConvert.TryGetTimeZoneInfo(id.Trim(), out var zone) ? zone : null;

    /// <summary>Every IANA zone id a user can pick, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = [.. TZConvert.KnownIanaTimeZoneNames.Where(z => z.Contains('/', StringComparison.Ordinal) || z == "UTC").Order(StringComparer.Ordinal)];
}
