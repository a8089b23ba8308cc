namespace Kizuna.Messaging.Channels.Email;

/// <summary>An email ready to send: its subject, its HTML with the CSS inlined (and the preheader first), and its text part.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text) : RenderedContent;
