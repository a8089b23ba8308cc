using System.Globalization;
using Kizuna.Messaging;
using Kizuna.Messaging.Channels.InApp;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>
/// A delivered in-app message or content card as the customer's app sees it. <c>id</c> names it in the event calls.
/// In-app messages carry <c>layout</c>, <c>header</c>, <c>body</c>, <c>imageUrl</c> and <c>buttons</c>; cards
/// <c>title</c>, <c>text</c>, <c>imageUrl</c>, <c>link</c>, <c>pinned</c> and <c>expiresAt</c>.
/// </summary>
public sealed record InAppItemResponse(
    string Id,
    string Channel,
    DateTimeOffset DeliveredAt,
    bool Seen,
    bool Clicked,
    bool Dismissed,
    string? Layout = null,
    string? Header = null,
    string? Body = null,
    IReadOnlyList<InAppButtonResponse>? Buttons = null,
    string? Title = null,
    string? Text = null,
    string? ImageUrl = null,
    string? Link = null,
    bool? Pinned = null,
    DateTimeOffset? ExpiresAt = null)
{
    public static InAppItemResponse From(InAppItem item)
    {
        var response = new InAppItemResponse(
            item.MessageId.ToString(CultureInfo.InvariantCulture), MessageChannels.Name(item.Channel), item.CreatedAt,
            item.SeenAt is not null, item.ClickedAt is not null, item.DismissedAt is not null);
        if (InAppItems.Card(item) is { } card)
        {
            return response with { Title = card.Title, Text = card.Text, ImageUrl = card.ImageUrl, Link = card.Link, Pinned = card.Pinned, ExpiresAt = item.ExpiresAt };
        }

        var message = InAppItems.Message(item)!;
        return response with
        {
            Layout = message.Layout,
            Header = message.Header,
            Body = message.Body,
            ImageUrl = message.ImageUrl,
            Buttons = [.. message.Buttons.Select(b => new InAppButtonResponse(b.Label, b.Action, b.Url))],
        };
    }
}
