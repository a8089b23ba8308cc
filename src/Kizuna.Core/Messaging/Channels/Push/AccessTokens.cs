using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Kizuna.Messaging.Channels.Push;

/// <summary>
/// FCM's OAuth2 bearer token by the service-account flow (RFC 7523): a JWT naming the account, the messaging scope
/// and the token URI, signed RS256 with the account's key, exchanged at the token URI. The token is kept until five
/// minutes before it expires and fetched by one caller at a time.
/// </summary>
public sealed class AccessTokens(IHttpClientFactory clients, IOptions<PushOptions> options, TimeProvider time) : IDisposable
{
    public const string Scope = "https://www.googleapis.com/auth/firebase.messaging";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _current;

    /// <summary>A valid token, fetched when there is none or it is about to expire.</summary>
    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_current is { } cached && cached.Expires - Margin > time.GetUtcNow())
        {
            return cached.Token;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.Expires - Margin > time.GetUtcNow())
            {
                return again.Token;
            }

            var fresh = await FetchAsync(ct);
            _current = fresh;
            return fresh.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets the token (the provider refused it), so the next send fetches another.</summary>
    public void Invalidate() => _current = null;

    private async Task<(string Token, DateTimeOffset Expires)> FetchAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var account = ServiceAccount.From(settings, out var problem) ?? throw new PushAuthException(problem!);
        var tokenUri = settings.TokenUri ?? account.TokenUri ?? "https://oauth2.googleapis.com/token";
        var now = time.GetUtcNow();
        var assertion = Jwt(account, tokenUri, now);
        using var response = await clients.CreateClient(PushChannel.ClientName).PostAsync(tokenUri, new FormUrlEncodedContent(
        [
            new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
            new("assertion", assertion),
        ]), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new PushAuthException($"The token URI answered {(int)response.StatusCode}.");
        }

        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        var token = answer?["access_token"]?.GetValue<string>() ?? throw new PushAuthException("The token URI answered without an access_token.");
        var seconds = answer["expires_in"]?.GetValue<int>() ?? 3600;
        return (token, now.AddSeconds(seconds));
    }

    private static string Jwt(ServiceAccount account, string tokenUri, DateTimeOffset now)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" }));
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["iss"] = account.ClientEmail,
            ["scope"] = Scope,
            ["aud"] = tokenUri,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(account.PrivateKey);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{claims}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{claims}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => _refresh.Dispose();
}
