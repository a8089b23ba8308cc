using System.Net;

namespace Kizuna.Server.Security;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (section
/// <c>Proxies</c>). Behind a proxy that ends TLS, this is what tells Kizuna the visitor used HTTPS (so cookies are
/// marked Secure) and who the client is (for rate limits). Only loopback is trusted unless addresses are given here;
/// the headers from anyone else are ignored.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxies";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain to look through.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool IsValid() =>
        ForwardLimit is >= 1 and <= 10
        && KnownProxies.All(p => IPAddress.TryParse(p, out _))
        && KnownNetworks.All(n => IPNetwork.TryParse(n, out _));
}
