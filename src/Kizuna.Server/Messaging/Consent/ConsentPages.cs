using System.Globalization;
using Kizuna.Messaging;
using Kizuna.Messaging.Consent;
using Kizuna.Messaging.Guardrails;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging.Consent;

/// <summary>
/// The customer's own pages behind a message's signed links, open without signing in: the unsubscribe page and
/// RFC 8058 one-click unsubscribe (<c>POST /m/unsubscribe/{token}</c>, what mail providers call for
/// <c>List-Unsubscribe-Post</c>), the preferences page, and the double opt-in confirmation. A token names one message
/// and its recipient and nothing else; a page shows only that recipient's own answers. Pages answer in the language of
/// <c>?lang=</c>, else the customer's locale, else the browser's. Changing state takes a POST, so link scanners that
/// fetch every URL of a mail change nothing.
/// </summary>
public static class ConsentPages
{
    public static IEndpointRouteBuilder MapConsentPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/m").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/unsubscribe/{token}", UnsubscribePageAsync);
        pages.MapPost("/unsubscribe/{token}", UnsubscribeAsync);
        pages.MapGet("/preferences/{token}", PreferencesAsync);
        pages.MapPost("/preferences/{token}", SavePreferencesAsync);
        pages.MapGet("/confirm/{token}", ConfirmPageAsync);
        pages.MapPost("/confirm/{token}", ConfirmAsync);
        TrackingEndpoints.Map(pages);
        return routes;
    }

    internal static async Task<ContentHttpResult> UnsubscribePageAsync(string token, HttpContext http, ConsentRecipients recipients, SubscriptionGroupStore groups, MessageLinkSigner links, CancellationToken ct)
    {
        if (await recipients.FindAsync(MessageLinkKind.Unsubscribe, token, ct) is not { } r)
        {
            return Expired(http, null);
        }

        var text = Language(http, r.Profile);
        var what = await WhatAsync(text, r.Message, groups, ct);
        return Html(ConsentHtml.Question(text, text.UnsubscribeTitle, string.Format(CultureInfo.InvariantCulture, text.UnsubscribeQuestion, what, ConsentHtml.Mask(r.Profile.Email) ?? "…"),
            text.UnsubscribeButton, http.Request.Path, await PreferencesUrlAsync(links, r, ct), text.ManagePreferences));
    }

    /// <summary>One-click (RFC 8058: a form body <c>List-Unsubscribe=One-Click</c>) or the page's button: leaves the message's group, or its channel.</summary>
    internal static async Task<ContentHttpResult> UnsubscribeAsync(
        string token, HttpContext http, ConsentRecipients recipients, ConsentService consent, SubscriptionGroupStore groups, MessageLinkSigner links, TimeProvider time, CancellationToken ct)
    {
        if (await recipients.FindAsync(MessageLinkKind.Unsubscribe, token, ct) is not { } r)
        {
            return Expired(http, null);
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var oneClick = string.Equals(form?["List-Unsubscribe"], "One-Click", StringComparison.Ordinal);
        var group = r.Message.SubscriptionGroupId is { } id ? await groups.FindAsync(r.Message.WorkspaceId, id, ct) : null;
        await consent.ApplyAsync(r.Message.WorkspaceId, r.Message.ProfileId,
            [new ConsentChange(r.Message.Channel, group?.Key, SubscriptionState.Unsubscribed, oneClick ? "one_click" : "unsubscribe_link", time.GetUtcNow(), r.Message.Id)], ct);
        var text = Language(http, r.Profile);
        return Html(ConsentHtml.Message(text, text.UnsubscribeTitle, string.Format(CultureInfo.InvariantCulture, text.Unsubscribed, await WhatAsync(text, r.Message, groups, ct)),
            http.Request.Path, await PreferencesUrlAsync(links, r, ct), text.ManagePreferences));
    }

    internal static async Task<ContentHttpResult> PreferencesAsync(string token, HttpContext http, ConsentRecipients recipients, ConsentService consent, CancellationToken ct)
    {
        if (await recipients.FindAsync(MessageLinkKind.Preferences, token, ct) is not { } r)
        {
            return Expired(http, null);
        }

        return await PreferencesPageAsync(http, r, consent, null, ct);
    }

    internal static async Task<ContentHttpResult> SavePreferencesAsync(
        string token, HttpContext http, ConsentRecipients recipients, ConsentService consent, MessagingSettingsStore settings, TimeProvider time, CancellationToken ct)
    {
        if (await recipients.FindAsync(MessageLinkKind.Preferences, token, ct) is not { } r)
        {
            return Expired(http, null);
        }

        var (ws, profileId) = (r.Message.WorkspaceId, r.Message.ProfileId);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var view = await consent.ReadAsync(ws, profileId, ct);
        var doubleOptIn = (await settings.GetAsync(ws, ct)).Consent.DoubleOptInTemplateId is not null;
        var now = time.GetUtcNow();
        var changes = new List<ConsentChange>();
        foreach (var channel in view.Channels.Where(c => ShownChannels(view).Contains(c.Channel)))
        {
            var on = form?.ContainsKey($"channel.{MessageChannels.Name(channel.Channel)}") == true;
            if (on != (channel.State != SubscriptionState.Unsubscribed))
            {
                // Ticking the box on one's own page is an explicit yes, unless email asks for a confirmation first.
                var yes = doubleOptIn && channel.Channel == MessageChannel.Email ? SubscriptionState.Subscribed : SubscriptionState.OptedIn;
                changes.Add(new ConsentChange(channel.Channel, null, on ? yes : SubscriptionState.Unsubscribed, "preferences", now, r.Message.Id));
            }
        }

        foreach (var group in view.Groups.Where(g => ShownChannels(view).Contains(g.Channel)))
        {
            var key = group.Group!.Key;
            var on = form?.ContainsKey($"group.{key}") == true;
            if (on != SubscriptionStates.AllowsMarketing(group.State, false))
            {
                changes.Add(new ConsentChange(group.Channel, key, on ? SubscriptionState.Subscribed : SubscriptionState.Unsubscribed, "preferences", now, r.Message.Id));
            }
        }

        var applied = (await consent.ApplyAsync(ws, profileId, changes, ct)).Applied;
        var text = Language(http, r.Profile);
        return await PreferencesPageAsync(http, r, consent, applied.Any(a => a.State == SubscriptionState.Pending) ? text.Pending : text.Saved, ct);
    }

    /// <summary>
    /// Asks for the click that confirms, only for a link that still would: a forged token, or one whose request was
    /// confirmed or replaced since, gets the expired page rather than a button that can only fail. Nothing changes here.
    /// </summary>
    internal static async Task<ContentHttpResult> ConfirmPageAsync(string token, HttpContext http, DoubleOptIn doubleOptIn, TimeProvider time, CancellationToken ct)
    {
        if (await doubleOptIn.ConfirmationAsync(token, time.GetUtcNow(), ct) is null)
        {
            return Expired(http, null);
        }

        var text = Language(http, null);
        return Html(ConsentHtml.Question(text, text.ConfirmTitle, text.ConfirmQuestion, text.ConfirmButton, http.Request.Path));
    }

    internal static async Task<ContentHttpResult> ConfirmAsync(string token, HttpContext http, DoubleOptIn doubleOptIn, ConsentService consent, TimeProvider time, CancellationToken ct)
    {
        if (await doubleOptIn.ConfirmationAsync(token, time.GetUtcNow(), ct) is not { } confirmation)
        {
            return Expired(http, null);
        }

        await consent.ApplyAsync(confirmation.WorkspaceId, confirmation.ProfileId, [confirmation.Change], ct);
        var text = Language(http, null);
        return Html(ConsentHtml.Message(text, text.ConfirmTitle, text.Confirmed, http.Request.Path));
    }

    private static async Task<ContentHttpResult> PreferencesPageAsync(HttpContext http, ConsentRecipient r, ConsentService consent, string? notice, CancellationToken ct)
    {
        var view = await consent.ReadAsync(r.Message.WorkspaceId, r.Message.ProfileId, ct);
        var text = Language(http, r.Profile);
        return Html(ConsentHtml.Preferences(text, http.Request.Path, ConsentHtml.Mask(r.Profile.Email), view, ShownChannels(view), notice));
    }

    /// <summary>Email always; SMS and push when the workspace has topics there.</summary>
    private static IReadOnlyList<MessageChannel> ShownChannels(ConsentView view) =>
        [MessageChannel.Email, .. view.Groups.Select(g => g.Channel).Where(c => c != MessageChannel.Email).Distinct()];

    private static async Task<string> WhatAsync(ConsentPageText text, OutboxMessage message, SubscriptionGroupStore groups, CancellationToken ct) =>
        message.SubscriptionGroupId is { } id && await groups.FindAsync(message.WorkspaceId, id, ct) is { } group
            ? (text.Lang == "ja" ? group.NameJa ?? group.Name : group.Name)
            : message.Channel == MessageChannel.Email ? text.AllEmail : text.Channel(message.Channel);

    private static ValueTask<string> PreferencesUrlAsync(MessageLinkSigner links, ConsentRecipient r, CancellationToken ct) =>
        links.UrlAsync(MessageLinkKind.Preferences, new LinkTarget(r.Message.WorkspaceId, r.Message.Id, r.Message.ProfileId), ct);

    private static ContentHttpResult Expired(HttpContext http, Profile? profile)
    {
        var text = Language(http, profile);
        return Html(ConsentHtml.Message(text, text.PreferencesTitle, text.LinkExpired, http.Request.Path), StatusCodes.Status404NotFound);
    }

    private static ContentHttpResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    private static ConsentPageText Language(HttpContext http, Profile? profile)
    {
        var asked = http.Request.Query["lang"].ToString();
        var locale = asked.Length > 0 ? asked
            : (profile is null ? null : ProfileNames.LocaleOf(profile.Traits, profile.Context)) ?? http.Request.Headers.AcceptLanguage.ToString();
        http.Response.Headers.CacheControl = "no-store";
        return locale.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? ConsentPageText.Ja : ConsentPageText.En;
    }
}
