using Kizuna.Messaging.Channels.InApp;
using Kizuna.Profiles;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>
/// Who calls the client API: the workspace's write key, a user id and the HMAC-SHA256 of that id under the workspace's
/// identity-verification secret, from the <c>X-Kizuna-Write-Key</c>, <c>X-Kizuna-User-Id</c> and <c>X-Kizuna-User-Hash</c>
/// headers or the <c>writeKey</c>, <c>userId</c> and <c>userHash</c> query parameters (a browser's EventSource cannot
/// send headers). Any failure answers the same 401, so a caller learns nothing about which part was wrong.
/// </summary>
public sealed class ClientAuthentication(ApiKeyService keys, IdentitySecrets secrets, ProfileService profiles)
{
    public const int MaxUserIdLength = 512;

    public async Task<(ClientIdentity? Identity, ProblemHttpResult? Refusal)> AuthenticateAsync(HttpContext http, CancellationToken ct)
    {
        var key = Value(http, "X-Kizuna-Write-Key", "writeKey");
        var userId = Value(http, "X-Kizuna-User-Id", "userId");
        var hash = Value(http, "X-Kizuna-User-Hash", "userHash");
        if (key is null || userId is not { Length: > 0 and <= MaxUserIdLength } || hash is null)
        {
            return (null, Unauthorized("Send the write key, the user id and its hash (X-Kizuna-Write-Key, X-Kizuna-User-Id, X-Kizuna-User-Hash)."));
        }

        // Only a write key: a secret key belongs on a server, never in a page.
        if (await keys.AuthenticateAsync(key, ct) is not { Kind: ApiKeyKind.Write } identity
            || !await secrets.VerifyAsync(identity.WorkspaceId, userId, hash, ct))
        {
            return (null, Unauthorized("The write key, or the user hash for this user id, is not valid."));
        }

        var profileId = await profiles.ResolveAsync(identity.WorkspaceId, new ProfileLookup(ProfileLookupKind.UserId, userId), ct);
        return (new ClientIdentity(identity.WorkspaceId, userId, profileId), null);
    }

    private static string? Value(HttpContext http, string header, string query)
    {
        var value = http.Request.Headers[header].ToString();
        if (value.Length == 0)
        {
            value = http.Request.Query[query].ToString();
        }

        return value.Length == 0 ? null : value;
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
}
