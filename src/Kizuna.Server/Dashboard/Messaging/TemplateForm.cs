using System.Text.Json;
using Kizuna.Messaging;
using Kizuna.Messaging.Content;
using Kizuna.Templates.Store;

namespace Kizuna.Server.Dashboard.Messaging;

/// <summary>
/// What the template editor edits: every channel's fields, of which the chosen channel's are used. A push's data and a
/// webhook's headers are kept as they were stored (the API edits them).
/// </summary>
public sealed class TemplateForm
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public string Name { get; set; } = "";

    public MessageChannel Channel { get; set; } = MessageChannel.Email;

    public string Subject { get; set; } = "";

    public string Preheader { get; set; } = "";

    public string Body { get; set; } = "";

    public string Text { get; set; } = "";

    public string ImageUrl { get; set; } = "";

    public string DeepLink { get; set; } = "";

    public string Method { get; set; } = "POST";

    public string Url { get; set; } = "";

    public IReadOnlyDictionary<string, string>? Data { get; set; }

    public IReadOnlyDictionary<string, string>? Headers { get; set; }

    public static TemplateForm From(StoredTemplate stored)
    {
        var fields = ChannelFields.Parse(stored.ChannelFields);
        return new TemplateForm
        {
            Name = stored.Name,
            Channel = MessageTemplate.ChannelOf(stored),
            Subject = stored.Subject ?? "",
            Preheader = fields.Preheader ?? "",
            Body = stored.Body,
            Text = fields.Text ?? "",
            ImageUrl = fields.ImageUrl ?? "",
            DeepLink = fields.DeepLink ?? "",
            Method = fields.Method ?? "POST",
            Url = fields.Url ?? "",
            Data = fields.Data,
            Headers = fields.Headers,
        };
    }

    /// <summary>The form as its channel's content, what the preview renders and the validator checks.</summary>
    public MessageContent Content() => Fields().ContentFor(Channel, Subject, Body)!;

    /// <summary>The form as a version to save: email keeps no channel, and fields only when it has a preheader or text.</summary>
    public TemplateDraft Draft()
    {
        var fields = Fields();
        return Channel == MessageChannel.Email
            ? new TemplateDraft(Body, Subject, null, null, fields.IsEmpty ? null : fields.ToJson())
            : new TemplateDraft(Body, Channel == MessageChannel.Sms ? null : Subject, null, MessageChannels.Name(Channel), fields.ToJson());
    }

    private ChannelFields Fields() => Channel switch
    {
        MessageChannel.Email => new ChannelFields(Preheader: Blank(Preheader), Text: Blank(Text)),
        MessageChannel.Push => new ChannelFields(ImageUrl: Blank(ImageUrl), DeepLink: Blank(DeepLink), Data: Data),
        MessageChannel.Webhook => new ChannelFields(Method: Blank(Method) ?? "POST", Url: Url, Headers: Headers),
        _ => new ChannelFields(),
    };

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A webhook body shown indented, as it will be sent.</summary>
    public static string Indented(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, IndentedJson);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
