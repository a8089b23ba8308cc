namespace Kizuna.Messaging.Content;

/// <summary>A mobile push notification in the shape FCM's HTTP v1 message carries; every field is Liquid.</summary>
public sealed record PushContent(string Title, string Body, string? ImageUrl = null, string? DeepLink = null, IReadOnlyDictionary<string, string>? Data = null) : MessageContent
{
    public override MessageChannel Channel => MessageChannel.Push;

    public override IEnumerable<KeyValuePair<string, string?>> LiquidFields() =>
    [
        Field("title", Title), Field("body", Body), Field("imageUrl", ImageUrl), Field("deepLink", DeepLink),
        .. (Data ?? new Dictionary<string, string>()).Select(d => Field($"data.{d.Key}", d.Value)),
    ];

    public override IEnumerable<ContentProblem> ShapeProblems() =>
        new[] { Required("title", Title), Required("body", Body), UrlProblem("imageUrl", ImageUrl) }.OfType<ContentProblem>();
}
