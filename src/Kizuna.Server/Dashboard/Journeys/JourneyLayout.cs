namespace Kizuna.Server.Dashboard.Journeys;

/// <summary>
/// Where each node is drawn when nobody placed it: rows by the longest path from the start (top to bottom), each row's nodes
/// side by side in the order the edges reach them and centred; nodes no path reaches go in a last row, so the map
/// shows them too. Top to bottom keeps a long journey inside the page's width.
/// </summary>
public static class JourneyLayout
{
    public const double ColumnWidth = 250;
    public const double RowHeight = 165;

    /// <summary>Places the nodes, centred in a map about <paramref name="width"/> pixels wide.</summary>
    public static IReadOnlyDictionary<string, (double X, double Y)> Place(IReadOnlyList<(string Id, IEnumerable<string> Targets)> nodes, string? start, double width = 0)
    {
        var byId = nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First().Targets.ToList());
        // Rows by the longest path from the start, so a node several edges lead to (the exit) sits below all of them;
        // a cycle (a wait that loops back) stops lengthening after as many rounds as there are nodes.
        var column = new Dictionary<string, int>();
        if (start is not null && byId.ContainsKey(start))
        {
            column[start] = 0;
            for (var round = 0; round < byId.Count; round++)
            {
                var changed = false;
                foreach (var (id, depth) in column.ToList())
                {
                    foreach (var target in byId[id].Where(t => byId.ContainsKey(t) && t != start))
                    {
                        if (!column.TryGetValue(target, out var known) || known < depth + 1)
                        {
                            column[target] = depth + 1;
                            changed = true;
                        }
                    }
                }

                if (!changed)
                {
                    break;
                }
            }
        }

        var last = column.Count == 0 ? 0 : column.Values.Max() + 1;
        foreach (var (id, _) in nodes)
        {
            column.TryAdd(id, last);
        }

        var widths = column.Values.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var widest = widths.Values.DefaultIfEmpty(1).Max();
        var margin = Math.Max(20, (width - (widest * ColumnWidth)) / 2);
        var used = new Dictionary<int, int>();
        var places = new Dictionary<string, (double, double)>();
        foreach (var id in column.OrderBy(c => c.Value).Select(c => c.Key))
        {
            var depth = column[id];
            var index = used.GetValueOrDefault(depth);
            used[depth] = index + 1;
            var indent = (widest - widths[depth]) * ColumnWidth / 2;
            places[id] = (margin + indent + (index * ColumnWidth), 20 + (depth * RowHeight));
        }

        return places;
    }

}
