using Kizuna.Journeys.Model;
using Kizuna.Templates.Store;

namespace Kizuna.Journeys;

public sealed class NodePositionTests
{
    private static readonly JourneyReferences References = new(new Dictionary<long, TemplateSummary>(), _ => null);

    [Fact]
    public void Read_DefinitionStoredBeforePositions_HasNoPositionAndWritesNone()
    {
        const string stored = """{"entry":{"kind":"api"},"nodes":[{"id":"done","kind":"exit"}]}""";

        var definition = JourneyJson.Read(stored);

        Assert.Null(definition.Nodes[0].Position);
        Assert.DoesNotContain("position", JourneyJson.Write(definition), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NodeMovedOnTheMap_KeepsItsPlaceThroughTheStoredJson()
    {
        var definition = new JourneyDefinition(new JourneyEntryRule(JourneyEntryRule.OnApi),
            [new JourneyNode("done", JourneyNodeKinds.Exit, Position: new NodePosition(420, 180))]);

        var json = JourneyJson.Write(definition);

        Assert.Contains("\"position\":{\"x\":420,\"y\":180}", json, StringComparison.Ordinal);
        Assert.Equal(new NodePosition(420, 180), JourneyJson.Read(json).Nodes[0].Position);
        Assert.Empty(JourneyValidator.Validate(definition, References));
    }

    [Fact]
    public void Validate_PositionFarOffTheMap_NamesTheNodeAndField()
    {
        var definition = new JourneyDefinition(new JourneyEntryRule(JourneyEntryRule.OnApi),
            [new JourneyNode("done", JourneyNodeKinds.Exit, Position: new NodePosition(20, 1e9))]);

        var error = Assert.Single(JourneyValidator.Validate(definition, References));

        Assert.Equal(("nodes[0].position", "done"), (error.Field, error.Node));
    }
}
