using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kizuna.Messaging;
using Kizuna.Messaging.Consent;
using Kizuna.Messaging.Guardrails;
using Kizuna.Profiles;
using Kizuna.Server.Security;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>
/// Consent and guardrails for the workspace's people: subscription groups, a customer's answers (read and recorded,
/// each change an event on the profile), and the messaging settings (consent policy, double opt-in, frequency caps,
/// quiet hours, the global control group, tracking). Reads need <c>consent:read</c>; recording answers
/// <c>consent:write</c>; groups and settings <c>messaging:manage</c>.
/// </summary>
public static partial class ConsentApi
{
    public static IEndpointRouteBuilder MapConsentApi(this IEndpointRouteBuilder routes)
    {
        var groups = routes.MapGroup("/api/subscription-groups").WithTags("Consent");
        groups.MapGet("/", ListGroupsAsync).WithName("ListSubscriptionGroups").RequireScope(Scopes.ConsentRead);
        groups.MapPost("/", CreateGroupAsync).WithName("CreateSubscriptionGroup").RequireScope(Scopes.MessagingManage);
        groups.MapPut("/{id}", UpdateGroupAsync).WithName("UpdateSubscriptionGroup").RequireScope(Scopes.MessagingManage);

        var profiles = routes.MapGroup("/api/profiles/{id}/subscriptions").WithTags("Consent").RequireScope(Scopes.ProfilesRead);
        profiles.MapGet("/", ReadAsync).WithName("GetProfileSubscriptions").RequireScope(Scopes.ConsentRead);
        profiles.MapPut("/", UpdateAsync).WithName("UpdateProfileSubscriptions").RequireScope(Scopes.ConsentWrite);

        var settings = routes.MapGroup("/api/messaging/settings").WithTags("Consent");
        settings.MapGet("/", GetSettingsAsync).WithName("GetMessagingSettings").RequireScope(Scopes.ConsentRead);
        settings.MapPut("/", SaveSettingsAsync).WithName("SaveMessagingSettings").RequireScope(Scopes.MessagingManage);
        return routes;
    }

    internal static async Task<Ok<IReadOnlyList<SubscriptionGroupResponse>>> ListGroupsAsync(ClaimsPrincipal user, SubscriptionGroupStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<SubscriptionGroupResponse>>([.. (await store.ListAsync(user.WorkspaceIdOf(), ct)).Select(SubscriptionGroupResponse.From)]);

    internal static async Task<Results<Created<SubscriptionGroupResponse>, ValidationProblem, Conflict<ProblemResponse>>> CreateGroupAsync(
        SubscriptionGroupRequest request, ClaimsPrincipal user, SubscriptionGroupStore store, CancellationToken ct)
    {
        var (draft, problem) = Draft(request);
        if (problem is { } p)
        {
            return Invalid(p);
        }

        return await store.CreateAsync(user.WorkspaceIdOf(), draft!, ct) is { } created
            ? TypedResults.Created($"/api/subscription-groups/{created.Id.ToString(CultureInfo.InvariantCulture)}", SubscriptionGroupResponse.From(created))
            : TypedResults.Conflict(new ProblemResponse("key", $"This workspace already has a subscription group '{draft!.Key}'."));
    }

    internal static async Task<Results<Ok<SubscriptionGroupResponse>, ValidationProblem, NotFound>> UpdateGroupAsync(
        long id, SubscriptionGroupRequest request, ClaimsPrincipal user, SubscriptionGroupStore store, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (await store.FindAsync(workspaceId, id, ct) is not { } existing)
        {
            return TypedResults.NotFound();
        }

        // The key and the channel are fixed: answers and messages name them.
        var (draft, problem) = Draft(request with { Key = request.Key ?? existing.Key, Channel = request.Channel ?? MessageChannels.Name(existing.Channel) });
        if (problem is { } p)
        {
            return Invalid(p);
        }

        if (draft!.Key != existing.Key || draft.Channel != existing.Channel)
        {
            return Invalid(draft.Key != existing.Key ? ("key", "A group's key cannot change.") : ("channel", "A group's channel cannot change."));
        }

        return await store.UpdateAsync(workspaceId, id, draft, ct) is { } updated ? TypedResults.Ok(SubscriptionGroupResponse.From(updated)) : TypedResults.NotFound();
    }

    internal static async Task<Results<Ok<ProfileSubscriptionsResponse>, NotFound>> ReadAsync(long id, ClaimsPrincipal user, ProfileService profiles, ConsentService consent, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        return await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Id, id.ToString(CultureInfo.InvariantCulture)), ct) is { } profileId
            ? TypedResults.Ok(ProfileSubscriptionsResponse.From(profileId, await consent.ReadAsync(workspaceId, profileId, ct)))
            : TypedResults.NotFound();
    }

    internal static async Task<Results<Ok<ProfileSubscriptionsResponse>, ValidationProblem, NotFound>> UpdateAsync(
        long id, UpdateSubscriptionsRequest request, ClaimsPrincipal user, ProfileService profiles, ConsentService consent, TimeProvider time, CancellationToken ct)
    {
        if (request.Changes is not { Count: > 0 and <= 100 } changes)
        {
            return Invalid(("changes", "Give 1 to 100 changes."));
        }

        var now = time.GetUtcNow();
        var parsed = new List<ConsentChange>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var field = $"changes[{i}]";
            if (!SubscriptionStates.TryParse(change.State, out var state) || state == SubscriptionState.Pending)
            {
                return Invalid(($"{field}.state", "The state is subscribed, opted_in or unsubscribed."));
            }

            if ((change.Channel is null) == (change.Group is null))
            {
                return Invalid((field, "Name exactly one of channel or group."));
            }

            var channel = MessageChannel.Email;   // a group's own channel replaces it
            if (change.Channel is not null && !MessageChannels.TryParse(change.Channel, out channel))
            {
                return Invalid(($"{field}.channel", $"A channel is one of {string.Join(", ", MessageChannels.Names)}."));
            }

            parsed.Add(new ConsentChange(channel, change.Group, state, "api", now));
        }

        var workspaceId = user.WorkspaceIdOf();
        if (await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Id, id.ToString(CultureInfo.InvariantCulture)), ct) is not { } profileId)
        {
            return TypedResults.NotFound();
        }

        var result = await consent.ApplyAsync(workspaceId, profileId, parsed, ct);
        return result.Field is { } bad
            ? Invalid((bad, result.Error!))
            : TypedResults.Ok(ProfileSubscriptionsResponse.From(profileId, await consent.ReadAsync(workspaceId, profileId, ct)));
    }

    /// <summary>The settings are answered in the one JSON shape they are stored and written in.</summary>
    internal static async Task<Ok<JsonObject>> GetSettingsAsync(ClaimsPrincipal user, MessagingSettingsStore store, CancellationToken ct) =>
        TypedResults.Ok(Document(await store.GetAsync(user.WorkspaceIdOf(), ct)));

    internal static async Task<Results<Ok<JsonObject>, ValidationProblem>> SaveSettingsAsync(
        MessagingSettings settings, ClaimsPrincipal user, MessagingSettingsStore store, TemplateStore templates, CancellationToken ct)
    {
        if (MessagingSettingsValidator.Validate(settings) is { } problem)
        {
            return Invalid(problem);
        }

        var workspaceId = user.WorkspaceIdOf();
        if (settings.Consent.DoubleOptInTemplateId is { } templateId && await templates.FindAsync(workspaceId, templateId, null, ct) is not { Kind: TemplateKind.Template })
        {
            return Invalid(("consent.doubleOptInTemplateId", $"This workspace has no message template {templateId}."));
        }

        await store.SaveAsync(workspaceId, settings, ct);
        return TypedResults.Ok(Document(settings));
    }

    private static JsonObject Document(MessagingSettings settings) => JsonSerializer.SerializeToNode(settings, MessagingSettingsStore.Json)!.AsObject();

    private static (SubscriptionGroupDraft? Draft, (string Field, string Error)? Problem) Draft(SubscriptionGroupRequest r)
    {
        if (r.Key is null || !GroupKey().IsMatch(r.Key))
        {
            return (null, ("key", "The key is 1 to 64 lower-case letters, digits, '_' or '-'."));
        }

        if (!MessageChannels.TryParse(r.Channel, out var channel))
        {
            return (null, ("channel", $"A channel is one of {string.Join(", ", MessageChannels.Names)}."));
        }

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 100)
        {
            return (null, ("name", "The name is 1 to 100 characters."));
        }

        if (r.NameJa is { Length: > 100 } || r.Description is { Length: > 500 } || r.DescriptionJa is { Length: > 500 })
        {
            return (null, (r.NameJa is { Length: > 100 } ? "nameJa" : r.Description is { Length: > 500 } ? "description" : "descriptionJa", "Too long: names take 100 characters, descriptions 500."));
        }

        return (new SubscriptionGroupDraft(r.Key, channel, r.Name.Trim(), r.Description, r.NameJa, r.DescriptionJa, r.OptIn, r.Archived), null);
    }

    private static ValidationProblem Invalid((string Field, string Error) problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [problem.Field] = [problem.Error] });

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex GroupKey();
}
