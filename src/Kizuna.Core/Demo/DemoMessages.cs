using System.Text.Json;
using Kizuna.Ingestion;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels.InApp;
using Kizuna.Messaging.Content;
using Kizuna.Profiles;
using Kizuna.Templates.Store;
using Kizuna.Workspaces;

namespace Kizuna.Demo;

/// <summary>
/// The demo's in-app messages and content cards: a demo customer (<see cref="UserId"/>) with a welcome modal and two
/// cards (one pinned), sent through the outbox like any message, and a write key for the demo's shop page. Safe to
/// run at every start: templates are found by name and the sends carry idempotency keys; the page's write key is
/// made afresh (the previous one revoked), as only its hash is stored.
/// </summary>
public sealed class DemoMessages(
    TemplateStore templates, TemplateLibrary library, MessageService messages, IngestionPipeline pipeline, ProfileService profiles,
    ApiKeyService keys, IdentitySecrets secrets, TimeProvider time)
{
    public const string UserId = "demo-shopper";
    private const string KeyName = "Demo shop page";

    public async Task<DemoSiteAccess> EnsureAsync(long workspaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await pipeline.SubmitAsync(new IngestBatch(workspaceId, [new IngestMessage
        {
            Type = MessageType.Identify, MessageId = "demo-shopper-identify", UserId = UserId,
            TraitsJson = JsonSerializer.Serialize(new { first_name = "Hana", last_name = "Sato", email = "hana.sato@example.com" }), Timestamp = now, ReceivedAt = now,
        }]), ct);
        var profileId = (await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.UserId, UserId), ct))!.Value;

        var welcome = await TemplateAsync(workspaceId, "demo_in_app_welcome", new TemplateDraft(
            "Take 10% off your first order with the code WELCOME10.", "Welcome, {{ customer.first_name }}!", "In-app welcome for the demo shop",
            "in_app", new ChannelFields(Layout: "modal", Buttons: [new InAppButton("Shop now", "url", "https://example.com/shop"), new InAppButton("Later", "close")]).ToJson()), ct);
        var pinned = await TemplateAsync(workspaceId, "demo_card_tea_harvest", new TemplateDraft(
            "First-flush sencha from Shizuoka is in. Members get early access until Sunday.", "The spring tea harvest is here", "Pinned card for the demo shop",
            "content_card", new ChannelFields(Link: "https://example.com/harvest", ExpiresAfter: "P30D", Pinned: true).ToJson()), ct);
        var points = await TemplateAsync(workspaceId, "demo_card_points", new TemplateDraft(
            "{{ customer.first_name }}, your points double on every order this week.", "Double points week", "Card for the demo shop",
            "content_card", new ChannelFields(Link: "https://example.com/points", ExpiresAfter: "P7D").ToJson()), ct);

        var to = new ProfileLookup(ProfileLookupKind.Id, profileId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (template, key) in new[] { (points, "demo-card-points"), (pinned, "demo-card-harvest"), (welcome, "demo-in-app-welcome") })
        {
            await messages.SendAsync(workspaceId, new TransactionalSend(template, to, IdempotencyKey: key), ct);
        }

        foreach (var old in (await keys.ListAsync(workspaceId, ct)).Where(k => k.Name == KeyName && k.RevokedAt is null))
        {
            await keys.RevokeAsync(workspaceId, old.Id, ct);
        }

        var writeKey = await keys.CreateAsync(workspaceId, ApiKeyKind.Write, KeyName, [], ct);
        var secret = (await secrets.GetOrCreateAsync(workspaceId, ct)).Secret;
        return new DemoSiteAccess(writeKey.Secret, UserId, IdentitySecrets.ComputeHex(secret, UserId));
    }

    private async Task<long> TemplateAsync(long workspaceId, string name, TemplateDraft draft, CancellationToken ct)
    {
        if (await templates.FindByNameAsync(workspaceId, TemplateKind.Template, name, ct) is { } existing)
        {
            return existing.Id;
        }

        var saved = await library.CreateAsync(workspaceId, TemplateKind.Template, name, draft, "demo", ct);
        return saved.Template?.Id ?? throw new InvalidOperationException($"The demo template {name} was refused: {saved.Message}");
    }
}
