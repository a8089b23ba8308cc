using System.Net;

namespace Kizuna.Messaging.Tracking;

/// <summary>
/// Opens a machine likely made: Apple Mail Privacy Protection fetches every image through Apple's proxies (the
/// 17.0.0.0/8 network) as soon as mail arrives, with the bare user agent <c>Mozilla/5.0</c>. Such opens are still
/// recorded, marked <c>machine_open</c>, so open rates can be read with and without them.
/// </summary>
public static class MachineOpens
{
    public static bool IsLikely(string? userAgent, IPAddress? remote)
    {
        if (string.Equals(userAgent?.Trim(), "Mozilla/5.0", StringComparison.Ordinal))
        {
            return true;
        }

        var address = remote is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : remote;
        return address is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetwork } v4 && v4.GetAddressBytes()[0] == 17;
    }
}
