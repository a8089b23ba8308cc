namespace Kizuna.Profiles;

/// <summary>
/// A customer search: <see cref="Text"/> matches user id, email or name; <see cref="TraitKey"/> with
/// <see cref="TraitValue"/> matches one trait exactly. Results are in <see cref="Sort"/> order, highest (newest)
/// first unless <see cref="Ascending"/>.
/// </summary>
public sealed record ProfileQuery(
    string? Text = null,
    string? TraitKey = null,
    string? TraitValue = null,
    int Offset = 0,
    int Limit = 50,
    ProfileSort Sort = ProfileSort.LastSeen,
    bool Ascending = false)
{
    /// <summary>The ORDER BY clause of <see cref="Sort"/>, from a fixed list: nothing of the request reaches the SQL text.</summary>
    internal string OrderBy
    {
        get
        {
            var column = Sort switch
            {
                ProfileSort.TotalSpent => "total_spent",
                ProfileSort.Orders => "order_count",
                _ => "last_seen",
            };
            var direction = Ascending ? "ASC" : "DESC";
            return $"{column} {direction}, id {direction}";
        }
    }
}
