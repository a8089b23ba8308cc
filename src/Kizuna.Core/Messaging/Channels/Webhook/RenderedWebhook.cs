namespace Kizuna.Messaging.Channels.Webhook;

/// <summary>A webhook ready to send: method, absolute URL, the template's headers and the JSON body (null for none).</summary>
public sealed record RenderedWebhook(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string? Body) : RenderedContent;
