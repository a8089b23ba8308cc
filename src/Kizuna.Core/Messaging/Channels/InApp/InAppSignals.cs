using System.Collections.Concurrent;

namespace Kizuna.Messaging.Channels.InApp;

/// <summary>
/// Wakes a customer's live streams on this node when an item is delivered to them here. Other nodes' deliveries are
/// found by the streams' short poll instead (PostgreSQL with several nodes).
/// </summary>
public sealed class InAppSignals
{
    private readonly ConcurrentDictionary<(long Workspace, long Profile), TaskCompletionSource> _waiting = new();

    /// <summary>A task that completes at the customer's next delivery on this node.</summary>
    public Task Next(long workspaceId, long profileId) =>
        _waiting.GetOrAdd((workspaceId, profileId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Delivered(long workspaceId, long profileId)
    {
        if (_waiting.TryRemove((workspaceId, profileId), out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}
