using Kizuna.Templates;

namespace Kizuna.Messaging.Content;

/// <summary>Checks a message template: every Liquid field parses (errors with line and column), and its shape holds.</summary>
public sealed class ContentValidator(TemplateService templates)
{
    public IReadOnlyList<ContentProblem> Validate(MessageContent content)
    {
        var problems = new List<ContentProblem>(content.ShapeProblems());
        foreach (var (field, source) in content.LiquidFields())
        {
            if (source is null)
            {
                continue;
            }

            problems.AddRange(templates.Validate(source).Errors.Select(e => new ContentProblem(field, e.Message, e.Line, e.Column)));
        }

        return problems;
    }
}
