using System.Net;
using System.Net.Sockets;

namespace Kizuna.Templates.ConnectedContent;

/// <summary>
/// The SSRF guard of connected content: resolves the host, refuses it when any resolved address is loopback,
/// private, link-local, unique-local, shared, multicast or reserved, and connects to the address it checked, so a
/// second DNS answer (rebinding) cannot redirect the connection.
/// </summary>
public sealed class PrivateNetworkGuard(bool allowPrivateNetworks)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        if (addresses.Length == 0)
        {
            throw new ConnectedContentException($"{endpoint.Host} does not resolve.");
        }

        if (!allowPrivateNetworks && addresses.FirstOrDefault(IsPrivate) is { } refused)
        {
            throw new ConnectedContentException($"{endpoint.Host} resolves to {refused}, a private or loopback address this workspace may not reach.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(addresses[0], endpoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes6 = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (bytes6[0] & 0xFE) == 0xFC // fc00::/7 unique local
                || (bytes6[0] == 0x00 && bytes6[1] == 0x64 && bytes6[2] == 0xFF && bytes6[3] == 0x9B); // 64:ff9b::/96 NAT64
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] <= 127, // 100.64.0.0/10 shared address space
            169 => b[1] == 254, // link-local, cloud metadata
            172 => b[1] >= 16 && b[1] <= 31,
            192 => (b[1] == 168) || (b[1] == 0 && (b[2] == 0 || b[2] == 2)) || (b[1] == 88 && b[2] == 99),
            198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
            203 => b[1] == 0 && b[2] == 113,
            >= 224 => true, // multicast, reserved, broadcast
            _ => false,
        };
    }
}
