using System.Text.Json.Nodes;
using Kizuna.Storage;

namespace Kizuna.Ingestion;

/// <summary>A profile as the batch writer holds it while folding one transaction's messages into it.</summary>
internal sealed class ProfileState
{
    private JsonObject? _traits;
    private JsonObject? _context;
    private bool _traitsChanged;
    private bool _contextChanged;

    public required long WorkspaceId { get; init; }

    public required long Id { get; init; }

    public bool IsNew { get; init; }

    public bool Dirty { get; set; }

    public string? UserId { get; set; }

    public string? Email { get; set; }

    /// <summary>The user id and email the stored row has (null for a new profile).</summary>
    public (string? UserId, string? Email) StoredIdentity { get; set; }

    /// <summary>Whether the row must be written whole: it is new, or its user id or email (both indexed) changed.</summary>
    public bool NeedsUpsert => IsNew || (UserId, Email) != StoredIdentity;

    public string TraitsJson { get; set; } = "{}";

    public string ContextJson { get; set; } = "{}";

    /// <summary>The <see cref="ProfileContext.Key"/> of the last context this profile took, if it took one whole.</summary>
    public long? ContextKey { get; set; }

    public long TraitsUpdatedAt { get; set; }

    public long FirstSeen { get; set; } = long.MaxValue;

    public long LastSeen { get; set; } = long.MinValue;

    public long SessionCount { get; set; }

    public long PageViews { get; set; }

    public long EventCount { get; set; }

    public long OrderCount { get; set; }

    /// <summary>What the profile spent in its main currency (<see cref="Currency"/>); the other currencies are in <see cref="Spend"/>.</summary>
    public decimal TotalSpent { get; set; }

    /// <summary>The currency the profile placed most orders in (ties: the latest order's), which lists sort and show it by.</summary>
    public string? Currency { get; set; }

    /// <summary>Spend per currency ("" for orders that stated none), loaded only for profiles an order event touches.</summary>
    public Dictionary<string, SpendTotal>? Spend { get; set; }

    /// <summary>Whether a merge brought in another profile's spend, so the totals must be read again before they are shown.</summary>
    public bool SpendStale { get; set; }

    public long? FirstOrderAt { get; set; }

    public long? LastOrderAt { get; set; }

    public long? MergedInto { get; set; }

    /// <summary>Traits parsed on first use; most messages never touch them.</summary>
    public JsonObject Traits => _traits ??= JsonNode.Parse(TraitsJson) as JsonObject ?? [];

    public JsonObject Context => _context ??= JsonNode.Parse(ContextJson) as JsonObject ?? [];

    /// <summary>The JSON to store: re-serialised only when a value changed.</summary>
    public string TraitsToStore() => _traitsChanged ? Traits.ToJsonString(StoredJson.Options) : TraitsJson;

    public string ContextToStore() => _contextChanged ? Context.ToJsonString(StoredJson.Options) : ContextJson;

    /// <summary>Merges an <c>identify</c>'s traits: a trait set later than the profile's last traits wins, an older one only fills a gap.</summary>
    public void ApplyTraits(string traitsJson, long ts)
    {
        if (JsonNode.Parse(traitsJson) is not JsonObject traits)
        {
            return;
        }

        var newer = ts >= TraitsUpdatedAt;
        foreach (var (key, value) in traits)
        {
            if (!newer && Traits.ContainsKey(key))
            {
                continue;
            }

            if (value is null)
            {
                _traitsChanged |= Traits.Remove(key);
            }
            else if (!JsonNode.DeepEquals(Traits[key], value))
            {
                Traits[key] = value.DeepClone();
                _traitsChanged = true;
            }
        }

        TraitsUpdatedAt = Math.Max(TraitsUpdatedAt, ts);
        // The email column follows the trait, so removing the trait (email: null) also ends lookups by the old address.
        Email = Traits["email"] is JsonValue email && email.TryGetValue<string>(out var address) && address.Trim() is { Length: > 0 } trimmed
            ? trimmed.ToLowerInvariant()
            : null;
    }

    /// <summary>Keeps the newest time zone, locale, device, campaign and library. A visit repeats the same context, so a repeat is skipped whole.</summary>
    public void ApplyContext(ProfileContext context)
    {
        if (context.Key == ContextKey)
        {
            return;
        }

        ContextKey = context.Key;
        Set("timezone", context.Timezone is null ? null : JsonValue.Create(context.Timezone));
        Set("locale", context.Locale is null ? null : JsonValue.Create(context.Locale));
        Set("device", context.DeviceJson is null ? null : JsonNode.Parse(context.DeviceJson));
        Set("campaign", context.CampaignJson is null ? null : JsonNode.Parse(context.CampaignJson));
        Set("library", context.LibraryJson is null ? null : JsonNode.Parse(context.LibraryJson));

        void Set(string key, JsonNode? value)
        {
            if (value is not null && !JsonNode.DeepEquals(Context[key], value))
            {
                Context[key] = value;
                _contextChanged = true;
            }
        }
    }

    public void SeenAt(long ts)
    {
        FirstSeen = Math.Min(FirstSeen, ts);
        LastSeen = Math.Max(LastSeen, ts);
    }

    /// <summary>Adds what an order event did to the profile's spend in one currency (<see cref="Spend"/> must be loaded).</summary>
    public void ApplySpend(Commerce.SpendChange change)
    {
        var key = change.Currency ?? "";
        Spend![key] = (Spend.GetValueOrDefault(key) ?? SpendTotal.Empty).With(change);
        OrderCount = Math.Max(0, OrderCount + change.Orders);
        if (change.PlacedAt is { } placedAt)
        {
            FirstOrderAt = Min(FirstOrderAt, placedAt);
            LastOrderAt = Max(LastOrderAt, placedAt);
        }

        ChooseMainCurrency();
    }

    /// <summary>Sets <see cref="Currency"/> and <see cref="TotalSpent"/> from <see cref="Spend"/>.</summary>
    public void ChooseMainCurrency()
    {
        var main = Spend!.OrderByDescending(s => s.Value.Orders).ThenByDescending(s => s.Value.LastOrderAt).ThenBy(s => s.Key, StringComparer.Ordinal).FirstOrDefault();
        (Currency, TotalSpent) = main.Key is null ? (null, 0m) : (main.Key.Length == 0 ? null : main.Key, main.Value.Total);
        Dirty = true;
    }

    /// <summary>Folds another profile into this one: counts add up, the newer traits win key by key.</summary>
    public void Absorb(ProfileState other)
    {
        FirstSeen = Math.Min(FirstSeen, other.FirstSeen);
        LastSeen = Math.Max(LastSeen, other.LastSeen);
        SessionCount += other.SessionCount;
        PageViews += other.PageViews;
        EventCount += other.EventCount;
        OrderCount += other.OrderCount;
        SpendStale |= other.FirstOrderAt is not null || other.SpendStale;   // the other's spend rows move over in SQL
        FirstOrderAt = Min(FirstOrderAt, other.FirstOrderAt);
        LastOrderAt = Max(LastOrderAt, other.LastOrderAt);
        UserId ??= other.UserId;
        var otherIsNewer = other.TraitsUpdatedAt > TraitsUpdatedAt;
        _traits = Overlay(otherIsNewer ? Traits : other.Traits, otherIsNewer ? other.Traits : Traits);
        _context = Overlay(otherIsNewer ? Context : other.Context, otherIsNewer ? other.Context : Context);
        (_traitsChanged, _contextChanged, ContextKey) = (true, true, null);   // the context is now a mix of two
        TraitsUpdatedAt = Math.Max(TraitsUpdatedAt, other.TraitsUpdatedAt);
        Email = otherIsNewer ? other.Email ?? Email : Email ?? other.Email;
        Dirty = true;
    }

    private static JsonObject Overlay(JsonObject older, JsonObject newer)
    {
        var result = (JsonObject)older.DeepClone();
        foreach (var (key, value) in newer)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
