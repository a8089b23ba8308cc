using System.Security.Claims;
using Kizuna.Messaging;
using Kizuna.Messaging.Log;
using Kizuna.Messaging.Outbox;
using Kizuna.Server.Security;
using Kizuna.Server.Templates;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging;

/// <summary>
/// The message log: <c>GET /api/messages</c> lists the workspace's messages newest first, filtered by channel, state,
/// template, profile and source; <c>GET /api/messages/{id}/events</c> answers the events recorded about one message.
/// </summary>
public static class MessageLogApi
{
    public static RouteGroupBuilder MapMessageLogApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/messages").WithTags("Messages");
        group.MapGet("/", ListAsync).WithName("ListMessages").RequireScope(Scopes.MessagesRead);
        group.MapGet("/{id}/events", EventsAsync).WithName("ListMessageEvents").RequireScope(Scopes.MessagesRead);
        return group;
    }

    internal static async Task<Results<Ok<MessageLogResponse>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, MessageLog log, CancellationToken ct,
        string? channel = null, string? state = null, long? templateId = null, long? profileId = null, string? source = null, long? beforeId = null, int limit = 50)
    {
        MessageChannel? parsedChannel = null;
        if (channel is not null)
        {
            if (!MessageChannels.TryParse(channel, out var c))
            {
                return RenderInputs.Invalid("channel", "The channel is one of email, sms, push, webhook, in_app and content_card.");
            }

            parsedChannel = c;
        }

        OutboxState? parsedState = null;
        if (state is not null)
        {
            if (!Enum.GetValues<OutboxState>().Any(s => OutboxStates.Name(s) == state))
            {
                return RenderInputs.Invalid("state", "The state is one of queued, deferred, sending, sent, delivered, failed, suppressed and dead.");
            }

            parsedState = OutboxStates.Parse(state);
        }

        if (limit is < 1 or > MessageLog.MaxLimit)
        {
            return RenderInputs.Invalid("limit", $"limit is 1 to {MessageLog.MaxLimit}.");
        }

        var workspaceId = user.WorkspaceIdOf();
        var filter = new MessageLogFilter(parsedChannel, parsedState, templateId, profileId, source, beforeId, limit);
        var items = await log.ListAsync(workspaceId, filter, ct);
        var counts = await log.CountsAsync(workspaceId, filter, ct);
        return TypedResults.Ok(new MessageLogResponse(
            [.. items.Select(m => MessageResponse.From(m))],
            counts.ToDictionary(p => OutboxStates.Name(p.Key), p => p.Value),
            items.Count == limit ? items[^1].Id : null));
    }

    internal static async Task<Results<Ok<IReadOnlyList<MessageEngagementResponse>>, NotFound>> EventsAsync(
        long id, ClaimsPrincipal user, MessageService messages, MessageLog log, CancellationToken ct)
    {
        if (await messages.FindAsync(user.WorkspaceIdOf(), id, ct) is not { } message)
        {
            return TypedResults.NotFound();
        }

        IReadOnlyList<MessageEngagementResponse> events = [.. (await log.EngagementAsync(message, ct)).Select(MessageEngagementResponse.From)];
        return TypedResults.Ok(events);
    }
}
