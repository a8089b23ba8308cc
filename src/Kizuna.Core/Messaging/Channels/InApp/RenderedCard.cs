namespace Kizuna.Messaging.Channels.InApp;

/// <summary>A content card rendered for one customer; it leaves the feed <paramref name="ExpiresAfter"/> after delivery.</summary>
public sealed record RenderedCard(string Title, string Text, string? ImageUrl, string? Link, TimeSpan? ExpiresAfter, bool Pinned) : RenderedContent;
