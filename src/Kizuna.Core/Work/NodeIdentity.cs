using System.Globalization;

namespace Kizuna.Work;

/// <summary>
/// This process among the nodes sharing one database: the name it holds job leases and feed cursors under. The
/// random part tells a restarted process from the one that died, so a lease taken before a crash is never
/// mistaken for one this process holds.
/// </summary>
public sealed class NodeIdentity
{
    public string Name { get; } = string.Create(CultureInfo.InvariantCulture,
        $"{Environment.MachineName}/{Environment.ProcessId}/{Random.Shared.Next(0x1000000):x6}");

    public override string ToString() => Name;
}
