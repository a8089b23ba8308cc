using System.Text.Json;
using Kizuna.Segments;
using Kizuna.Segments.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Segments;

/// <summary>
/// The 400 and 409 answers of the segments API. A definition's problems are keyed by where they are: the JSON tree's
/// node as <c>definition.conditions[1].count</c>, the text form as <c>text</c> with the line and column in the message.
/// </summary>
public static class SegmentProblems
{
    public static ValidationProblem Invalid(IReadOnlyList<SegmentError> problems, bool textForm) =>
        TypedResults.ValidationProblem(problems
            .GroupBy(p => KeyOf(p, textForm))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Line is { } line ? $"line {line}, column {p.Column}: {p.Message}" : p.Message).ToArray()));

    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Refuses a request giving neither or both of the JSON tree and the text form.</summary>
    public static ValidationProblem? OneForm(JsonElement? definition, string? text) =>
        (definition is null || definition.Value.ValueKind == JsonValueKind.Null) == (text is null)
            ? Field("definition", "Give the definition either as a JSON tree (definition) or in the text form (text), not both.")
            : null;

    public static ProblemHttpResult Conflict(SegmentSaveResult result) =>
        TypedResults.Problem(result.Problems is [var first, ..] ? first.Message : null, statusCode: StatusCodes.Status409Conflict, title: result.Status switch
        {
            SegmentSaveStatus.NameTaken => "Name taken",
            SegmentSaveStatus.Archived => "Archived",
            _ => "Version conflict",
        });

    private static string KeyOf(SegmentError problem, bool textForm)
    {
        if (problem.Path is "name" or "description" or "definition" or "expectedVersion" or "id")
        {
            return problem.Path;
        }

        if (textForm && problem.Line is not null)
        {
            return "text";
        }

        var path = problem.Path.StartsWith('$') ? problem.Path[1..] : problem.Path;
        return path.Length == 0 ? "definition" : path.StartsWith('[') ? $"definition{path}" : $"definition.{path.TrimStart('.')}";
    }
}
