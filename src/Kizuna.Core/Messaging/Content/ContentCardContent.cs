namespace Kizuna.Messaging.Content;

/// <summary>A content card kept in the customer's feed until <paramref name="ExpiresAfter"/> has passed; pinned cards stay on top.</summary>
public sealed record ContentCardContent(string Title, string Text, string? ImageUrl = null, string? Link = null, TimeSpan? ExpiresAfter = null, bool Pinned = false) : MessageContent
{
    public override MessageChannel Channel => MessageChannel.ContentCard;

    public override IEnumerable<KeyValuePair<string, string?>> LiquidFields() =>
        [Field("title", Title), Field("text", Text), Field("imageUrl", ImageUrl), Field("link", Link)];

    public override IEnumerable<ContentProblem> ShapeProblems() =>
        new[]
        {
            Required("title", Title), Required("text", Text), UrlProblem("imageUrl", ImageUrl), UrlProblem("link", Link),
            ExpiresAfter is { } e && e <= TimeSpan.Zero ? new ContentProblem("expiresAfter", "A card expires after a positive time.") : null,
        }.OfType<ContentProblem>();
}
