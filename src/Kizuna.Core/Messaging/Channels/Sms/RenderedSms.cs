using Kizuna.Messaging.Content;

namespace Kizuna.Messaging.Channels.Sms;

/// <summary>A text ready to send, with what it costs: its encoding and segment count.</summary>
public sealed record RenderedSms(string Body, SmsCount Count) : RenderedContent;
