namespace Kizuna.Messaging.Export;

/// <summary>An endpoint to create, as the admin API or the dashboard gives it. <see cref="Check"/> names the field at fault.</summary>
public sealed record WebhookEndpointDraft(string? Url, string? Description, IReadOnlyList<string>? Events)
{
    public const int MaxEvents = 100;

    /// <summary>The field at fault and why, or null when the draft can be stored.</summary>
    public (string Field, string Message)? Check()
    {
        if (string.IsNullOrWhiteSpace(Url) || !Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            return ("url", "The URL is an absolute http or https address.");
        }

        if (Url.Length > 2000 || !string.IsNullOrEmpty(url.UserInfo))
        {
            return ("url", "The URL has at most 2,000 characters and no user name or password.");
        }

        if (Description is { Length: > 500 })
        {
            return ("description", "The description has at most 500 characters.");
        }

        if (Events is { Count: 0 or > MaxEvents })
        {
            return ("events", $"Name 1 to {MaxEvents} events, or leave events out for every engagement event.");
        }

        for (var i = 0; i < (Events?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(Events![i]) || Events[i].Length > 200)
            {
                return ($"events[{i}]", "An event name has 1 to 200 characters.");
            }
        }

        return null;
    }
}
