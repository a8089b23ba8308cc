using Kizuna.Journeys.Model;

namespace Kizuna.Server.Dashboard.Journeys;

/// <summary>
/// Where each node is drawn when nobody placed it: columns by distance from the start (left to right), rows in the
/// order the edges reach them; nodes no path reaches go in a last column, so the map shows them too.
/// </summary>
public static class JourneyLayout
{
    public const double ColumnWidth = 270;
    public const double RowHeight = 150;

    public static IReadOnlyDictionary<string, (double X, double Y)> Place(IReadOnlyList<(string Id, IEnumerable<string> Targets)> nodes, string? start)
    {
        var byId = nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First().Targets.ToList());
        var column = new Dictionary<string, int>();
        var queue = new Queue<string>();
        if (start is not null && byId.ContainsKey(start))
        {
            column[start] = 0;
            queue.Enqueue(start);
        }

        while (queue.TryDequeue(out var id))
        {
            foreach (var target in byId[id])
            {
                if (byId.ContainsKey(target) && !column.ContainsKey(target))
                {
                    column[target] = column[id] + 1;
                    queue.Enqueue(target);
                }
            }
        }

        var last = column.Count == 0 ? 0 : column.Values.Max() + 1;
        foreach (var (id, _) in nodes)
        {
            column.TryAdd(id, last);
        }

        var rows = new Dictionary<int, int>();
        var places = new Dictionary<string, (double, double)>();
        foreach (var id in column.OrderBy(c => c.Value).Select(c => c.Key))
        {
            var col = column[id];
            var row = rows.GetValueOrDefault(col);
            rows[col] = row + 1;
            places[id] = (20 + (col * ColumnWidth), 20 + (row * RowHeight));
        }

        return places;
    }

    public static IReadOnlyDictionary<string, (double X, double Y)> Place(JourneyDefinition definition) =>
        Place([.. definition.Nodes.Select(n => (n.Id, n.Edges().Select(e => e.Target)))], definition.StartNode);
}
