using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Journeys.Model;
using Kizuna.Messaging.Channels.Webhook;
using Kizuna.Messaging.Consent;
using Kizuna.Templates;

namespace Kizuna.Journeys.Actions;

/// <summary>
/// Renders what an action node does for one entry, with Liquid over <c>customer</c> (the profile) and <c>data</c>
/// (the entry data and the earlier webhook answers, as message templates read them): a webhook node's request, an
/// update-profile node's traits. The engine then sends or writes it; a simulation only shows it.
/// </summary>
public sealed class JourneyActions(TemplateService templates, ITemplateDataSource profiles)
{
    /// <summary>The customer's model (an empty one when the profile is gone) with <paramref name="data"/> as <c>data</c>.</summary>
    public async Task<TemplateModel> ModelAsync(long workspaceId, long profileId, JsonObject data, CancellationToken ct)
    {
        var model = await profiles.GetModelAsync(workspaceId.ToString(CultureInfo.InvariantCulture), profileId.ToString(CultureInfo.InvariantCulture), ct)
            ?? new TemplateModel();
        return WithData(model, data);
    }

    public static TemplateModel WithData(TemplateModel model, JsonObject data)
    {
        using var document = JsonDocument.Parse(data.ToJsonString());
        return model.Set("data", document.RootElement.Clone());
    }

    public async Task<WebhookRequest> RenderWebhookAsync(long workspaceId, JourneyNode node, TemplateModel model, CancellationToken ct)
    {
        var call = node.Webhook!;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        WebhookRequest Problem(string problem) => new(call.Method, null, headers, null, problem);

        var (url, urlProblem) = await RenderAsync(workspaceId, call.Url, model, ct);
        if (urlProblem is not null)
        {
            return Problem($"url: {urlProblem}");
        }

        if (!Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
        {
            return Problem("url: the rendered URL is not an absolute http(s) URL.");
        }

        foreach (var (name, source) in call.Headers ?? new Dictionary<string, string>())
        {
            if (WebhookComposer.IsReserved(name))
            {
                return Problem($"headers.{name}: this header is set by the webhook itself.");
            }

            var (value, problem) = await RenderAsync(workspaceId, source, model, ct);
            if (problem is not null)
            {
                return Problem($"headers.{name}: {problem}");
            }

            headers[name] = value!.Trim();
        }

        string? body = null;
        if (call.Body is { } source2)
        {
            var (rendered, problem) = await RenderAsync(workspaceId, source2, model, ct);
            if (problem is not null)
            {
                return Problem($"body: {problem}");
            }

            try
            {
                using var _ = JsonDocument.Parse(rendered!);
            }
            catch (JsonException)
            {
                return Problem("body: the rendered body is not JSON.");
            }

            body = rendered;
        }

        return new WebhookRequest(call.Method, target, headers, body, null);
    }

    public async Task<ProfileChanges> RenderUpdateAsync(long workspaceId, JourneyNode node, TemplateModel model, CancellationToken ct)
    {
        var traits = new JsonObject();
        foreach (var (name, value) in node.Traits ?? [])
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var source))
            {
                var (rendered, problem) = await RenderAsync(workspaceId, source, model, ct);
                if (problem is not null)
                {
                    return new ProfileChanges(traits, $"traits.{name}: {problem}");
                }

                traits[name] = rendered;
            }
            else
            {
                traits[name] = value?.DeepClone();
            }
        }

        foreach (var change in node.Subscriptions ?? [])
        {
            var state = SubscriptionStates.Name(SubscriptionStates.Parse(change.State));
            if (change.Group is { } group)
            {
                if (traits["subscription_groups"] is not JsonObject groups)
                {
                    traits["subscription_groups"] = groups = [];
                }

                groups[group] = state;
            }
            else
            {
                traits[$"{change.Channel!.ToLowerInvariant()}_subscribe"] = state;
            }
        }

        return new ProfileChanges(traits, null);
    }

    private async Task<(string? Output, string? Problem)> RenderAsync(long workspaceId, string source, TemplateModel model, CancellationToken ct)
    {
        var result = await templates.RenderAsync(source, model, new TemplateRenderOptions { WorkspaceId = workspaceId.ToString(CultureInfo.InvariantCulture) }, ct);
        return result.AbortReason is { } abort ? (null, $"the Liquid aborts: {abort}")
            : result.Errors.Count > 0 ? (null, result.Errors[0].ToString())
            : (result.Output ?? string.Empty, null);
    }
}
