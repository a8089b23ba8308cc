using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace Kizuna;

/// <summary>
/// An in-process cache of at most <c>capacity</c> entries (a <see cref="MemoryCache"/> with a size limit). When it is
/// full it drops the least recently used entries, so a flood of new keys (random API keys, one-off URLs, throwaway
/// templates) pushes out cold entries and never the hot ones with them, as clearing a full dictionary would. Each
/// cache has its own limit, so one feature's flood cannot evict another's entries.
/// </summary>
/// <remarks>
/// A full cache refuses a new entry until its compaction (in the background) has made room: the value is then simply
/// not cached that time. Expiry, where a cache needs one, is kept in the value and read from <see cref="TimeProvider"/>.
/// </remarks>
[SuppressMessage("Design", "CA1001", Justification = "A MemoryCache holds only managed memory and no timer; the caches live as long as their service.")]
internal sealed class BoundedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private static readonly MemoryCacheEntryOptions One = new() { Size = 1 };
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, capacity), CompactionPercentage = 0.1 });

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _cache.TryGetValue(key, out value);

    public void Set(TKey key, TValue value) => _cache.Set(key, value, One);

    public void Remove(TKey key) => _cache.Remove(key);

    public void Clear() => _cache.Clear();
}
