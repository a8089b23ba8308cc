using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Security;

/// <summary>
/// Authenticates secret API keys for the admin API, sent as <c>Authorization: Bearer kzs_…</c> or as the
/// user name of HTTP Basic. Write keys are refused here: they only reach the ingestion endpoints.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // The tracking API checks its write key itself; failing it here too would log a line for every call.
        if (Request.Path.StartsWithSegments("/v1") || PresentedKey(Request.Headers.Authorization.ToString()) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        if (identity.Kind != ApiKeyKind.Secret)
        {
            return AuthenticateResult.Fail("A write key only sends data; the admin API needs a secret key.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, $"key:{identity.KeyId}"),
            new(KizunaClaims.WorkspaceId, identity.WorkspaceId.ToString(CultureInfo.InvariantCulture)),
            .. identity.Scopes.Select(s => new Claim(KizunaClaims.Scope, s)),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <summary>The key in a Bearer or Basic authorization header, or null.</summary>
    public static string? PresentedKey(string authorization)
    {
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[7..].Trim();
        }

        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var user = decoded.Split(':', 2)[0];
                return user.Length > 0 ? user : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }
}
