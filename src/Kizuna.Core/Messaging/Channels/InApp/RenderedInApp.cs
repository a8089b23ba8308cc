namespace Kizuna.Messaging.Channels.InApp;

/// <summary>An in-app message rendered for one customer: its layout (<c>modal</c>, <c>slide_up</c>, <c>full_screen</c>), text and buttons.</summary>
public sealed record RenderedInApp(string Layout, string? Header, string Body, string? ImageUrl, IReadOnlyList<RenderedButton> Buttons) : RenderedContent;
