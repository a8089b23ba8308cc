using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using Dapper;
using Kizuna.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace Kizuna.Messaging.Links;

/// <summary>
/// The deployment's link keys (<c>link_keys</c>), read once and kept: the first node to need one makes it. Each secret
/// is stored protected by the Data Protection keys, as the dashboard's cookies are, so a copy of the database alone
/// signs nothing.
/// </summary>
public sealed class LinkKeys(Database database, IDataProtectionProvider protection, TimeProvider time) : IDisposable
{
    private readonly IDataProtector _protector = protection.CreateProtector("Kizuna.Messaging.LinkKeys.v1");
    private readonly SemaphoreSlim _loading = new(1, 1);
    private LinkKeyRing? _ring;

    public ValueTask<LinkKeyRing> GetAsync(CancellationToken ct) => _ring is { } ring ? ValueTask.FromResult(ring) : new(LoadAsync(ct));

    private async Task<LinkKeyRing> LoadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_ring is { } loaded)
            {
                return loaded;
            }

            await using var connection = await database.OpenAsync(ct);
            var rows = await ReadAsync(connection, ct);
            if (rows.Count == 0)
            {
                // Two nodes may both get here: the first insert wins and both read the same key.
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO link_keys (id, secret, created_at) VALUES (1, @secret, @now) ON CONFLICT DO NOTHING",
                    new { secret = Base64Url.EncodeToString(_protector.Protect(RandomNumberGenerator.GetBytes(32))), now = Epoch.ToMs(time.GetUtcNow()) },
                    cancellationToken: ct));
                rows = await ReadAsync(connection, ct);
            }

            var keys = rows.ToFrozenDictionary(r => (byte)r.Id, r => _protector.Unprotect(Base64Url.DecodeFromChars(r.Secret)));
            return _ring = new LinkKeyRing((byte)rows[^1].Id, keys);
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private static async Task<List<(int Id, string Secret)>> ReadAsync(System.Data.Common.DbConnection connection, CancellationToken ct) =>
        [.. await connection.QueryAsync<(int Id, string Secret)>(new CommandDefinition("SELECT id, secret FROM link_keys ORDER BY id", cancellationToken: ct))];
}

/// <summary>
/// Signs and verifies link tokens: <c>base64url(key id ‖ payload ‖ tag)</c>, the tag the first 16 bytes of
/// HMAC-SHA256 over the payload under a key made for the token's purpose from the named key. A token says who and
/// what (it is not secret: the message's own recipient holds it) and cannot be made or changed without the key; one
/// HMAC a link, where Data Protection's authenticated encryption derived keys and encrypted for every link.
/// </summary>
public sealed class LinkKeyRing
{
    private const int TagLength = 16;
    private readonly byte _current;
    private readonly FrozenDictionary<byte, byte[]> _keys;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(byte Id, string Purpose), byte[]> _purposeKeys = new();

    internal LinkKeyRing(byte current, FrozenDictionary<byte, byte[]> keys)
    {
        _current = current;
        _keys = keys;
    }

    public string Sign(string purpose, ReadOnlySpan<byte> payload)
    {
        var token = new byte[1 + payload.Length + TagLength];
        token[0] = _current;
        payload.CopyTo(token.AsSpan(1));
        Tag(PurposeKey(_current, purpose), payload, token.AsSpan(1 + payload.Length));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The payload of a token signed for <paramref name="purpose"/> by a key of this ring; null for anything else.</summary>
    public byte[]? Verify(string purpose, string token)
    {
        if (!Base64Url.IsValid(token) || Base64Url.GetMaxDecodedLength(token.Length) > 8192)
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length <= 1 + TagLength || !_keys.ContainsKey(bytes[0]))
        {
            return null;
        }

        var payload = bytes.AsSpan(1, bytes.Length - 1 - TagLength);
        Span<byte> expected = stackalloc byte[TagLength];
        Tag(PurposeKey(bytes[0], purpose), payload, expected);
        return CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(bytes.Length - TagLength)) ? payload.ToArray() : null;
    }

    private static void Tag(byte[] key, ReadOnlySpan<byte> payload, Span<byte> tag)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, payload, mac);
        mac[..TagLength].CopyTo(tag);
    }

    /// <summary>A key per purpose, so a token made for one kind of link is no token for another.</summary>
    private byte[] PurposeKey(byte id, string purpose) =>
        _purposeKeys.GetOrAdd((id, purpose), static (k, keys) => HMACSHA256.HashData(keys[k.Id], System.Text.Encoding.UTF8.GetBytes(k.Purpose)), _keys);
}
