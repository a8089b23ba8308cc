using System.Security.Claims;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels.Catchers;
using Kizuna.Messaging.Channels.Push;
using Kizuna.Messaging.Channels.Sms;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Server.Security;
using Kizuna.Server.Templates;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Messaging;

/// <summary><c>GET /api/messages/caught/{channel}</c>: what the demo's catcher of SMS, push or webhooks received for the caller's workspace.</summary>
public static class CaughtRequestsApi
{
    internal static Results<Ok<CaughtRequestsResponse>, ValidationProblem> List(
        string channel, ClaimsPrincipal user, ChannelCatcher catcher, IOptions<SmsOptions> sms, IOptions<PushOptions> push, IOptions<WebhookOptions> webhook, int limit = 50)
    {
        if (!MessageChannels.TryParse(channel, out var parsed) || parsed is not (MessageChannel.Sms or MessageChannel.Push or MessageChannel.Webhook))
        {
            return RenderInputs.Invalid("channel", "The channel is sms, push or webhook; email is at /api/messages/caught.");
        }

        if (PageParameters.Problem(0, limit, 500) is { } problem)
        {
            return problem;
        }

        var catching = parsed switch
        {
            MessageChannel.Sms => sms.Value.UseCatcher,
            MessageChannel.Push => push.Value.UseCatcher,
            _ => webhook.Value.UseCatcher,
        };
        var caught = catcher.Latest(parsed, user.WorkspaceIdOf(), limit);
        return TypedResults.Ok(new CaughtRequestsResponse(catching, catcher.Total(parsed), [.. caught.Select(CaughtRequestResponse.From)]));
    }
}
