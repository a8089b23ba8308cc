using Kizuna.Messaging.Channels.Push;

namespace Kizuna.Server.Messaging;

/// <summary>One push device of a profile; <c>retiredAt</c> and <c>retiredReason</c> are set once the provider refused its token.</summary>
public sealed record PushDeviceResponse(string Token, string? Platform, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? RetiredAt, string? RetiredReason)
{
    public static PushDeviceResponse From(PushDevice d) => new(d.Token, d.Platform, d.CreatedAt, d.UpdatedAt, d.RetiredAt, d.RetiredReason);
}
