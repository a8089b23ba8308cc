using Kizuna.Profiles;

namespace Kizuna.Server.Profiles;

/// <summary>How often a customer did one thing, and when first and last.</summary>
public sealed record EventCountResponse(string Name, long Count, DateTimeOffset FirstAt, DateTimeOffset LastAt)
{
    public static EventCountResponse From(EventCount count) => new(count.Name, count.Count, count.FirstAt, count.LastAt);
}
