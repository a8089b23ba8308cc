namespace Kizuna.Templates.Store;

/// <summary>
/// What a save writes: the Liquid body, and for message templates an optional Liquid subject line, the channel
/// (<c>sms</c>, <c>push</c>, <c>webhook</c>; null for email) and that channel's other fields as a JSON object.
/// </summary>
public sealed record TemplateDraft(string Body, string? Subject = null, string? Description = null, string? Channel = null, string? ChannelFields = null);
