using System.Text.Json.Nodes;
using Kizuna.Storage;

namespace Kizuna.Ingestion;

/// <summary>A profile as the batch writer holds it while folding one transaction's messages into it.</summary>
internal sealed class ProfileState
{
    private JsonObject? _traits;
    private JsonObject? _context;

    public required long WorkspaceId { get; init; }

    public required long Id { get; init; }

    public bool IsNew { get; init; }

    public bool Dirty { get; set; }

    public string? UserId { get; set; }

    public string? Email { get; set; }

    public string TraitsJson { get; set; } = "{}";

    public string ContextJson { get; set; } = "{}";

    public long TraitsUpdatedAt { get; set; }

    public long FirstSeen { get; set; } = long.MaxValue;

    public long LastSeen { get; set; } = long.MinValue;

    public long SessionCount { get; set; }

    public long PageViews { get; set; }

    public long EventCount { get; set; }

    public long OrderCount { get; set; }

    public double TotalSpent { get; set; }

    public long? FirstOrderAt { get; set; }

    public long? LastOrderAt { get; set; }

    public long? MergedInto { get; set; }

    /// <summary>Traits parsed on first use; most messages never touch them.</summary>
    public JsonObject Traits => _traits ??= JsonNode.Parse(TraitsJson) as JsonObject ?? [];

    public JsonObject Context => _context ??= JsonNode.Parse(ContextJson) as JsonObject ?? [];

    /// <summary>The JSON to store: re-serialised only when the parsed form was touched.</summary>
    public string TraitsToStore() => _traits?.ToJsonString(StoredJson.Options) ?? TraitsJson;

    public string ContextToStore() => _context?.ToJsonString(StoredJson.Options) ?? ContextJson;

    public void SeenAt(long ts)
    {
        FirstSeen = Math.Min(FirstSeen, ts);
        LastSeen = Math.Max(LastSeen, ts);
    }

    public void AddOrder(long placedAt, double total)
    {
        OrderCount++;
        TotalSpent += total;
        FirstOrderAt = FirstOrderAt is { } first ? Math.Min(first, placedAt) : placedAt;
        LastOrderAt = LastOrderAt is { } last ? Math.Max(last, placedAt) : placedAt;
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
        TotalSpent += other.TotalSpent;
        FirstOrderAt = Min(FirstOrderAt, other.FirstOrderAt);
        LastOrderAt = Max(LastOrderAt, other.LastOrderAt);
        UserId ??= other.UserId;
        var otherIsNewer = other.TraitsUpdatedAt > TraitsUpdatedAt;
        _traits = Overlay(otherIsNewer ? Traits : other.Traits, otherIsNewer ? other.Traits : Traits);
        _context = Overlay(otherIsNewer ? Context : other.Context, otherIsNewer ? other.Context : Context);
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
