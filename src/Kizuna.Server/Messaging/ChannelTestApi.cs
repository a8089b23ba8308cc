using Kizuna.Messaging.ChannelChecks;
using Kizuna.Server.Security;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging;

/// <summary>
/// <c>POST /api/messaging/channels/{email|sms|push}/test</c>: checks a channel's settings against its provider the way
/// a send starts (SMTP: EHLO, TLS, AUTH, QUIT; SMS: fetching the account; push: an access token for the service
/// account) and answers what it found; 200 either way, <c>ok</c> saying whether messages could go. Nothing is sent.
/// Scope <c>messaging:manage</c>. Webhooks have no channel-wide peer to test: each template names its own URL.
/// </summary>
public static class ChannelTestApi
{
    public static IEndpointRouteBuilder MapChannelTestApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/messaging/channels").WithTags("Messaging").RequireScope(Scopes.MessagingManage);
        group.MapPost("/email/test", TestEmailAsync).WithName("TestEmailConnection");
        group.MapPost("/sms/test", TestSmsAsync).WithName("TestSmsConnection");
        group.MapPost("/push/test", TestPushAsync).WithName("TestPushConnection");
        return routes;
    }

    internal static async Task<Ok<ConnectionTestResponse>> TestEmailAsync(SmtpConnectionTest test, CancellationToken ct) =>
        TypedResults.Ok(ConnectionTestResponse.From(await test.RunAsync(ct)));

    internal static async Task<Ok<ConnectionTestResponse>> TestSmsAsync(SmsConnectionTest test, CancellationToken ct) =>
        TypedResults.Ok(ConnectionTestResponse.From(await test.RunAsync(ct)));

    internal static async Task<Ok<ConnectionTestResponse>> TestPushAsync(PushConnectionTest test, CancellationToken ct) =>
        TypedResults.Ok(ConnectionTestResponse.From(await test.RunAsync(ct)));
}
