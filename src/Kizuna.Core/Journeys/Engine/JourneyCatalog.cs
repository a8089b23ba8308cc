using Kizuna.Journeys.Storage;

namespace Kizuna.Journeys.Engine;

/// <summary>
/// The live and paused journeys in memory, every version of each, indexed by the events they react to. A read
/// compares one cheap fingerprint of the journeys table with the one the snapshot was built from and rebuilds on a
/// difference, so a journey saved on another node is seen by the next batch; a save on this node invalidates at once.
/// </summary>
public sealed class JourneyCatalog(JourneyStore store) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile JourneySnapshot? _snapshot;
    private volatile string? _stamp;

    public void Invalidate() => _stamp = null;

    public void Dispose() => _gate.Dispose();

    public async Task<JourneySnapshot> CurrentAsync(CancellationToken ct)
    {
        var stamp = await store.StampAsync(ct);
        if (_snapshot is { } current && _stamp == stamp)
        {
            return current;
        }

        await _gate.WaitAsync(ct);
        try
        {
            var versions = await store.RunningAsync(ct);
            var snapshot = new JourneySnapshot([.. versions.Select(v => new CompiledJourney(v.Journey, v.Version))]);
            _snapshot = snapshot;
            _stamp = stamp;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }
}
