using System.Globalization;
using System.Text.Json;
using Kizuna.Messaging;
using Kizuna.Messaging.Content;
using Kizuna.Templates.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Templates;

/// <summary>
/// A save request as a draft for its channel: email (no channel, as before), <c>sms</c> (the body is the text),
/// <c>push</c> (subject line as title, body, <c>fields</c>: imageUrl, deepLink, data) or <c>webhook</c> (body as
/// the JSON body, <c>fields</c>: method, url, headers), <c>in_app</c> (subject line as header, body, <c>fields</c>:
/// layout, imageUrl, buttons) or <c>content_card</c> (subject line as title, body as text, <c>fields</c>: imageUrl,
/// link, expiresAfter, pinned), and email's <c>fields</c> preheader and text, checked by the channel's content rules with each problem's
/// field, line and column.
/// </summary>
public static class ChannelDrafts
{
    private static readonly MessageChannel[] Sendable = [MessageChannel.Email, MessageChannel.Sms, MessageChannel.Push, MessageChannel.Webhook, MessageChannel.InApp, MessageChannel.ContentCard];

    public static ValidationProblem? TryDraft(
        string? body, string? subject, string? description, string? channelName, JsonElement? fieldsJson, bool isBlock, ContentValidator validator, out TemplateDraft draft)
    {
        draft = new TemplateDraft(body!, subject, description);
        if (channelName is null && fieldsJson is null)
        {
            return null;
        }

        if (isBlock)
        {
            return RenderInputs.Invalid("channel", "A content block has no channel; it is part of templates of any channel.");
        }

        var channel = MessageChannel.Email;
        if (channelName is not null && (!MessageChannels.TryParse(channelName, out channel) || !Sendable.Contains(channel)))
        {
            return RenderInputs.Invalid("channel", "The channel is one of email, sms, push, webhook, in_app and content_card.");
        }

        ChannelFields fields = new();
        if (fieldsJson is { ValueKind: not JsonValueKind.Null } json)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                return RenderInputs.Invalid("fields", "fields is a JSON object.");
            }

            if (ChannelFields.TryRead(json, out var problem) is not { } read)
            {
                return RenderInputs.Invalid("fields", problem!);
            }

            fields = read;
        }

        if (channel == MessageChannel.Sms && subject is not null)
        {
            return RenderInputs.Invalid("subject", "A text message has no subject line.");
        }

        var content = fields.ContentFor(channel, subject, body ?? string.Empty)!;
        var problems = fields.FormatProblems(channel).ToList();
        problems.AddRange(validator.Validate(content));
        if (problems.Count > 0)
        {
            var first = problems[0];
            var field = first.Field switch { "title" or "header" => "subject", "text" => "body", "body" or "subject" => first.Field, _ => $"fields.{first.Field}" };
            return RenderInputs.Invalid(field, [.. problems.Where(p => p.Field == first.Field).Select(Describe)]);
        }

        // An email keeps its preheader and text part in the same fields; one with neither stores none, as before.
        var email = channel == MessageChannel.Email;
        draft = draft with { Channel = email ? null : MessageChannels.Name(channel), ChannelFields = email && fields.IsEmpty ? null : fields.ToJson() };
        return null;
    }

    private static string Describe(ContentProblem p) =>
        p.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{p.Message} (line {line}, column {p.Column})") : p.Message;
}
