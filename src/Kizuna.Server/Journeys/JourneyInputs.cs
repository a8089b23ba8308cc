using System.Text.Json;
using Kizuna.Journeys.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Journeys;

/// <summary>Reads a journey request's definition into the model, answering 400 naming the JSON path that does not fit it.</summary>
internal static class JourneyInputs
{
    public static (JourneyDefinition? Definition, ValidationProblem? Problem) Read(JourneyRequest request)
    {
        if (request.Definition is null)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["definition"] = ["A journey needs a definition."] }));
        }

        try
        {
            return (request.Definition.Deserialize<JourneyDefinition>(JourneyJson.Options), null);
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 1 } p ? "definition" + p[1..] : "definition";
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [path] = [$"This value does not fit a journey definition: {e.Message.Split(" Path:")[0]}"] }));
        }
    }

    /// <summary>400 with every error under its field, each naming its node.</summary>
    public static ValidationProblem Invalid(IReadOnlyList<JourneyError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Node is null ? e.Message : $"Node '{e.Node}': {e.Message}").ToArray()),
            title: "The journey cannot run as defined.");
}
