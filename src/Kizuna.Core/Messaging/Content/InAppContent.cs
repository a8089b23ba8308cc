namespace Kizuna.Messaging.Content;

/// <summary>An in-app message shown in the customer's app or site, with up to two buttons.</summary>
public sealed record InAppContent(InAppLayout Layout, string Body, string? Header = null, string? ImageUrl = null, IReadOnlyList<InAppButton>? Buttons = null) : MessageContent
{
    public const int MaxButtons = 2;

    public override MessageChannel Channel => MessageChannel.InApp;

    public override IEnumerable<KeyValuePair<string, string?>> LiquidFields() =>
    [
        Field("header", Header), Field("body", Body), Field("imageUrl", ImageUrl),
        .. (Buttons ?? []).SelectMany((b, i) => new[] { Field($"buttons[{i}].label", b.Label), Field($"buttons[{i}].url", b.Url) }),
    ];

    public override IEnumerable<ContentProblem> ShapeProblems()
    {
        var buttons = Buttons ?? [];
        var problems = new List<ContentProblem?> { Required("body", Body), UrlProblem("imageUrl", ImageUrl) };
        if (buttons.Count > MaxButtons)
        {
            problems.Add(new ContentProblem("buttons", $"An in-app message has at most {MaxButtons} buttons."));
        }

        for (var i = 0; i < buttons.Count; i++)
        {
            problems.Add(buttons[i].Action switch
            {
                "close" => null,
                "url" => Required($"buttons[{i}].url", buttons[i].Url) ?? UrlProblem($"buttons[{i}].url", buttons[i].Url),
                _ => new ContentProblem($"buttons[{i}].action", "A button's action is 'close' or 'url'."),
            });
        }

        return problems.OfType<ContentProblem>();
    }
}
