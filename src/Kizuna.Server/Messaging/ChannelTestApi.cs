using Kizuna.Messaging.ChannelChecks;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging;

/// <summary>
/// <c>POST /api/messaging/channels/email/test</c>: connects to the configured SMTP server (EHLO, TLS, AUTH, QUIT) and
/// answers what it found; 200 either way, <c>ok</c> saying whether mail could go. Scope <c>messaging:manage</c>.
/// </summary>
public static class ChannelTestApi
{
    public static RouteHandlerBuilder MapChannelTestApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/messaging/channels/email/test", TestEmailAsync).WithTags("Messaging").WithName("TestEmailConnection")
            .RequireScope(Scopes.MessagingManage);

    internal static async Task<Ok<ConnectionTestResponse>> TestEmailAsync(SmtpConnectionTest test, CancellationToken ct) =>
        TypedResults.Ok(ConnectionTestResponse.From(await test.RunAsync(ct)));
}
