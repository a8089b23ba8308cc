namespace Kizuna.Profiles;

/// <summary>
/// Told after an erasure commits, with every profile id it removed (the profile and those merged into it), so that
/// what a feature holds outside the database (the live event stream, caches) forgets the customer too.
/// </summary>
public interface IErasureObserver
{
    ValueTask OnErasedAsync(long workspaceId, IReadOnlyCollection<long> profileIds, CancellationToken ct);
}
