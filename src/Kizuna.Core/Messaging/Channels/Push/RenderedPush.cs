namespace Kizuna.Messaging.Channels.Push;

/// <summary>A notification ready to send: title, body, image, deep link and custom data.</summary>
public sealed record RenderedPush(string Title, string Body, string? ImageUrl, string? DeepLink, IReadOnlyDictionary<string, string> Data) : RenderedContent;
