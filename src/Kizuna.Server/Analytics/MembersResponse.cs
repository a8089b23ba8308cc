using Kizuna.Analytics.Metrics;

namespace Kizuna.Server.Analytics;

/// <summary>The commerce figures of the members (trait value or segment) beside everyone else's.</summary>
public sealed record MembersResponse(CommerceResponse Members, CommerceResponse NonMembers)
{
    public static MembersResponse From(MembersComparison m) => new(CommerceResponse.From(m.Members), CommerceResponse.From(m.NonMembers));
}
