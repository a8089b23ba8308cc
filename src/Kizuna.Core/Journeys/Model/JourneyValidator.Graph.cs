namespace Kizuna.Journeys.Model;

public static partial class JourneyValidator
{
    private static void ValidateGraph(JourneyDefinition definition, IReadOnlyList<JourneyNode> nodes, Dictionary<string, JourneyNode> byId, List<JourneyError> errors)
    {
        var edgesOk = true;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not { Id: not null } node)
            {
                continue;
            }

            foreach (var (edge, target) in node.Edges())
            {
                if (!byId.ContainsKey(target))
                {
                    errors.Add(new($"nodes[{i}].{(edge.StartsWith("path ", StringComparison.Ordinal) ? "paths" : edge)}", node.Id, $"The {edge} edge leads to '{target}', which is no node of this journey."));
                    edgesOk = false;
                }
            }
        }

        var start = definition.StartNode;
        if (start is null || !byId.ContainsKey(start))
        {
            errors.Add(new("start", null, $"The start node '{start}' is no node of this journey."));
            return;
        }

        if (!edgesOk)
        {
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var (_, target) in byId[id].Edges())
            {
                if (reached.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is { Id: not null } node && !reached.Contains(node.Id))
            {
                errors.Add(new($"nodes[{i}]", node.Id, "No path from the start reaches this node."));
            }
        }

        if (BusyCycle(byId) is { } cycle)
        {
            errors.Add(new("nodes", cycle[0], $"The cycle {string.Join(" → ", cycle)} → {cycle[0]} has no delay or wait, so an entry would run round it without end."));
        }
    }

    /// <summary>A cycle among nodes that do not hold an entry (everything but delays and waits), or null.</summary>
    private static List<string>? BusyCycle(Dictionary<string, JourneyNode> byId)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);   // 1 on the path, 2 done
        var path = new List<string>();

        List<string>? Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var (_, target) in byId[id].Edges())
            {
                if (JourneyNodeKinds.Holds(byId[target].Kind))
                {
                    continue;
                }

                if (state.GetValueOrDefault(target) == 1)
                {
                    return path[path.IndexOf(target)..];
                }

                if (state.GetValueOrDefault(target) == 0 && Visit(target) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
            return null;
        }

        foreach (var id in byId.Keys.Where(k => !JourneyNodeKinds.Holds(byId[k].Kind)))
        {
            if (state.GetValueOrDefault(id) == 0 && Visit(id) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}
