namespace Kizuna.Messaging.Content;

/// <summary>
/// An email: Liquid <paramref name="Subject"/>, <paramref name="Html"/> (its CSS is inlined when rendered), an
/// optional <paramref name="Preheader"/> (the inbox's preview line) and an optional <paramref name="Text"/> part,
/// derived from the HTML when absent.
/// </summary>
public sealed record EmailContent(string Subject, string Html, string? Preheader = null, string? Text = null) : MessageContent
{
    public override MessageChannel Channel => MessageChannel.Email;

    public override IEnumerable<KeyValuePair<string, string?>> LiquidFields() =>
        [Field("subject", Subject), Field("preheader", Preheader), Field("html", Html), Field("text", Text)];

    public override IEnumerable<ContentProblem> ShapeProblems() =>
        new[] { Required("subject", Subject), Required("html", Html) }.OfType<ContentProblem>();
}
