using Kizuna.Messaging.ChannelChecks;

namespace Kizuna.Server.Messaging;

/// <summary>What a channel's connection test found: whether messages could go, where it asked, what it heard, and (SMTP) the server's extensions.</summary>
public sealed record ConnectionTestResponse(bool Ok, string Host, int Port, string Security, string Detail, IReadOnlyList<string> Capabilities)
{
    public static ConnectionTestResponse From(ConnectionTestResult r) => new(r.Ok, r.Host, r.Port, r.Security, r.Detail, r.Capabilities);
}
