using Kizuna.Storage;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// A scope as a condition on a <c>profile_id</c> column, with its parameters (<c>@workspaceId</c> is bound by the
/// caller): profiles by a trait value from <c>profile_traits</c> (kept from the traits by triggers, so no profile's
/// JSON is read), or members of a segment read from <c>segment_members</c>.
/// </summary>
internal static class ScopeSql
{
    public static string Condition(MetricsScope scope, SqlDialect dialect, string profileColumn)
    {
        var members = scope switch
        {
            { SegmentId: not null } => "SELECT profile_id FROM segment_members WHERE workspace_id = @workspaceId AND segment_id = @segmentId",
            { TraitName: not null } => "SELECT profile_id FROM profile_traits WHERE workspace_id = @workspaceId AND name = @traitName AND value = @traitValue",
            _ => null,
        };
        return members is null ? "1 = 1" : $"{profileColumn} {(scope.Excluded ? "NOT IN" : "IN")} ({members})";
    }

    public static void Bind(MetricsScope scope, Dictionary<string, object?> parameters)
    {
        parameters["segmentId"] = scope.SegmentId;
        parameters["traitName"] = scope.TraitName;
        parameters["traitValue"] = scope.TraitValue;
    }
}
