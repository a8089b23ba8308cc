namespace Kizuna.Messaging.Content;

/// <summary>An outgoing webhook: method, Liquid URL, headers and JSON body.</summary>
public sealed record WebhookContent(string Method, string Url, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null) : MessageContent
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public override MessageChannel Channel => MessageChannel.Webhook;

    public override IEnumerable<KeyValuePair<string, string?>> LiquidFields() =>
    [
        Field("url", Url), Field("body", Body),
        .. (Headers ?? new Dictionary<string, string>()).Select(h => Field($"headers.{h.Key}", h.Value)),
    ];

    public override IEnumerable<ContentProblem> ShapeProblems() =>
        new[]
        {
            Methods.Contains(Method, StringComparer.Ordinal) ? null : new ContentProblem("method", $"The method is one of {string.Join(", ", Methods)}."),
            Required("url", Url) ?? UrlProblem("url", Url),
            Method == "GET" && Body is not null ? new ContentProblem("body", "A GET request has no body.") : null,
        }.OfType<ContentProblem>();
}
