using Kizuna.Journeys.Model;

namespace Kizuna.Server.Dashboard.Journeys;

/// <summary>A node as the editor changes it: every field of <see cref="JourneyNode"/>, mutable, with list fields as the text a person types.</summary>
public sealed class JourneyNodeDraft
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = JourneyNodeKinds.Message;
    public string? Name { get; set; }
    public string? Next { get; set; }
    public string? Channel { get; set; }
    public long? TemplateId { get; set; }
    public int? TemplateVersion { get; set; }
    public long? SubscriptionGroupId { get; set; }
    public string? Duration { get; set; }
    public string? UntilTime { get; set; }
    public string? UntilWeekdays { get; set; }
    public string? UntilTimeZone { get; set; }
    public string? UntilTrait { get; set; }
    public int UntilTraitOffsetDays { get; set; }
    public bool UntilTraitAnniversary { get; set; }
    public string? UntilTraitTime { get; set; }
    public string? Event { get; set; }
    public string? Match { get; set; }
    public string? Where { get; set; }
    public long? SegmentId { get; set; }
    public string? Timeout { get; set; }
    public string? OnTimeout { get; set; }
    public string? Condition { get; set; }
    public string? EntryWhere { get; set; }
    public string? Else { get; set; }
    public List<SplitPathDraft> Paths { get; set; } = [];

    /// <summary>An update's traits, one <c>name = value</c> a line (a number, true, false or null as such; anything else a Liquid text).</summary>
    public string? Traits { get; set; }

    /// <summary>An update's consent changes: <c>sms = unsubscribed, newsletter = opted_in</c> (a channel, else a group's key).</summary>
    public string? Subscriptions { get; set; }

    public string WebhookMethod { get; set; } = "POST";
    public string? WebhookUrl { get; set; }

    /// <summary>A webhook's headers, one <c>Name: value</c> a line.</summary>
    public string? WebhookHeaders { get; set; }
    public string? WebhookBody { get; set; }
    public int? WebhookTimeoutSeconds { get; set; }
    public int? WebhookRetries { get; set; }
    public string? OnFailure { get; set; }

    /// <summary>Where the node is drawn on the map, once a person moved it (else the map lays it out).</summary>
    public NodePosition? Position { get; set; }

    /// <summary>The edges this kind of node has, in the order they are drawn: <c>next</c>, <c>onTimeout</c>, <c>else</c>, <c>path A</c>…</summary>
    public IReadOnlyList<string> EdgeNames() => Kind switch
    {
        JourneyNodeKinds.Exit => [],
        JourneyNodeKinds.WaitEvent or JourneyNodeKinds.WaitSegment => ["next", "onTimeout"],
        JourneyNodeKinds.Branch => ["next", "else"],
        JourneyNodeKinds.Webhook => ["next", "onFailure"],
        JourneyNodeKinds.Split => [.. Paths.Select(p => "path " + p.Name)],
        _ => ["next"],
    };

    public string? Target(string edge) => edge switch
    {
        "next" => Next,
        "onTimeout" => OnTimeout,
        "else" => Else,
        "onFailure" => OnFailure,
        _ => Paths.FirstOrDefault(p => "path " + p.Name == edge)?.Next,
    };

    public void Connect(string edge, string? target)
    {
        switch (edge)
        {
            case "next":
                Next = target;
                break;
            case "onTimeout":
                OnTimeout = target;
                break;
            case "else":
                Else = target;
                break;
            case "onFailure":
                OnFailure = target;
                break;
            default:
                if (Paths.FirstOrDefault(p => "path " + p.Name == edge) is { } path)
                {
                    path.Next = target;
                }

                break;
        }
    }

    /// <summary>Edges pointing at <paramref name="id"/> are renamed to <paramref name="renamed"/> (null: cut).</summary>
    public void Retarget(string id, string? renamed)
    {
        foreach (var edge in EdgeNames())
        {
            if (Target(edge) == id)
            {
                Connect(edge, renamed);
            }
        }
    }

    public static JourneyNodeDraft From(JourneyNode n) => new()
    {
        Id = n.Id,
        Kind = n.Kind,
        Name = n.Name,
        Next = n.Next,
        Channel = n.Channel,
        TemplateId = n.TemplateId,
        TemplateVersion = n.TemplateVersion,
        SubscriptionGroupId = n.SubscriptionGroupId,
        Duration = n.Duration,
        UntilTime = n.Until?.Time,
        UntilWeekdays = n.Until?.Weekdays is { } days ? string.Join(",", days) : null,
        UntilTimeZone = n.Until?.TimeZone,
        UntilTrait = n.UntilTrait?.Trait,
        UntilTraitOffsetDays = n.UntilTrait?.OffsetDays ?? 0,
        UntilTraitAnniversary = n.UntilTrait?.Anniversary ?? false,
        UntilTraitTime = n.UntilTrait?.Time,
        Event = n.Event,
        Match = n.Match is { } m ? string.Join(", ", m) : null,
        Where = n.Where,
        SegmentId = n.SegmentId,
        Timeout = n.Timeout,
        OnTimeout = n.OnTimeout,
        Condition = n.Condition,
        EntryWhere = n.EntryWhere,
        Else = n.Else,
        Paths = [.. (n.Paths ?? []).Select(p => new SplitPathDraft { Name = p.Name, Weight = p.Weight, Next = p.Next, Control = p.Control })],
        Traits = n.Traits is { } traits ? JourneyActionText.TraitLines(traits) : null,
        Subscriptions = n.Subscriptions is { } subscriptions ? JourneyActionText.SubscriptionText(subscriptions) : null,
        WebhookMethod = n.Webhook?.Method ?? "POST",
        WebhookUrl = n.Webhook?.Url,
        WebhookHeaders = n.Webhook?.Headers is { } headers ? string.Join("\n", headers.Select(h => $"{h.Key}: {h.Value}")) : null,
        WebhookBody = n.Webhook?.Body,
        WebhookTimeoutSeconds = n.Webhook?.TimeoutSeconds,
        WebhookRetries = n.Webhook?.Retries,
        OnFailure = n.OnFailure,
        Position = n.Position,
    };

    /// <summary>The stored node: only the fields its kind reads, blanks left out, so validation speaks of what the person sees.</summary>
    public JourneyNode ToNode() => Fields() with { Position = Position };

    private JourneyNode Fields() => Kind switch
    {
        JourneyNodeKinds.Message => new(Id, Kind, Blank(Name), Next: Next, Channel: Blank(Channel), TemplateId: TemplateId, TemplateVersion: TemplateVersion, SubscriptionGroupId: SubscriptionGroupId),
        JourneyNodeKinds.Delay => new(Id, Kind, Blank(Name), Next: Next, Duration: Blank(Duration),
            Until: Blank(UntilTime) is { } time ? new TimeOfDayDelay(time, List(UntilWeekdays), Blank(UntilTimeZone)) : null,
            UntilTrait: Blank(UntilTrait) is { } trait ? new TraitDateDelay(trait, UntilTraitOffsetDays, UntilTraitAnniversary, Blank(UntilTraitTime)) : null),
        JourneyNodeKinds.WaitEvent => new(Id, Kind, Blank(Name), Next: Next, Event: Blank(Event), Match: List(Match), Where: Blank(Where), Timeout: Blank(Timeout), OnTimeout: OnTimeout),
        JourneyNodeKinds.WaitSegment => new(Id, Kind, Blank(Name), Next: Next, SegmentId: SegmentId, Timeout: Blank(Timeout), OnTimeout: OnTimeout),
        JourneyNodeKinds.Branch => new(Id, Kind, Blank(Name), Next: Next, Condition: Blank(Condition), EntryWhere: Blank(EntryWhere), Else: Else),
        JourneyNodeKinds.Split => new(Id, Kind, Blank(Name), Paths: [.. Paths.Select(p => new SplitPath(p.Name, p.Weight, p.Next, p.Control))]),
        JourneyNodeKinds.UpdateProfile => new(Id, Kind, Blank(Name), Next: Next,
            Traits: JourneyActionText.ParseTraits(Traits), Subscriptions: JourneyActionText.ParseSubscriptions(Subscriptions)),
        JourneyNodeKinds.Webhook => new(Id, Kind, Blank(Name), Next: Next, OnFailure: OnFailure,
            Webhook: new WebhookCall(WebhookMethod, Blank(WebhookUrl) ?? "", JourneyActionText.ParseHeaders(WebhookHeaders), Blank(WebhookBody), WebhookTimeoutSeconds, WebhookRetries)),
        _ => new(Id, Kind, Blank(Name)),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IReadOnlyList<string>? List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } items ? items : null;
}
