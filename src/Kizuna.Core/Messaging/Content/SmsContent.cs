namespace Kizuna.Messaging.Content;

/// <summary>A text message: one Liquid body; <see cref="SmsSegments"/> counts what it costs once rendered.</summary>
public sealed record SmsContent(string Body) : MessageContent
{
    public override MessageChannel Channel => MessageChannel.Sms;

    public override IEnumerable<KeyValuePair<string, string?>> LiquidFields() => [Field("body", Body)];

    public override IEnumerable<ContentProblem> ShapeProblems() => new[] { Required("body", Body) }.OfType<ContentProblem>();
}
