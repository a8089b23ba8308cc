using Kizuna.Work.Changes;

namespace Kizuna.Server.Operations;

/// <summary>One change-feed consumer: the node holding it (none when no node runs it), the changes it has yet to handle and its lag.</summary>
public sealed record ConsumerResponse(string Consumer, string? Node, long Behind, double LagSeconds, DateTimeOffset? PositionCommittedAt)
{
    public static ConsumerResponse From(ConsumerLag lag) => new(lag.Consumer, lag.Owner, lag.Behind, Math.Round(lag.Lag.TotalSeconds, 3), lag.PositionCommittedAt);
}
