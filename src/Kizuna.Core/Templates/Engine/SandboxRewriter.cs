using Fluid.Ast;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Rewrites a parsed template for the sandbox: bounded ranges, partials resolved from the workspace with a depth
/// count, and a record of the filters used so strict mode can reject unknown ones before rendering.
/// </summary>
internal sealed class SandboxRewriter(Func<string, bool> isKnownFilter) : AstRewriter
{
    public HashSet<string> UnknownFilters { get; } = new(StringComparer.Ordinal);

    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
        new BoundedRangeExpression(rangeExpression);

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        if (!isKnownFilter(filterExpression.Name))
        {
            UnknownFilters.Add(filterExpression.Name);
        }

        return base.VisitFilterExpression(filterExpression);
    }

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
    {
        var visited = base.VisitIncludeStatement(includeStatement);
        var path = visited is IncludeStatement include ? include.Path : includeStatement.Path;
        return new PartialStatement(visited, path, null);
    }

    protected override Statement VisitRenderStatement(RenderStatement renderStatement)
    {
        var visited = base.VisitRenderStatement(renderStatement);
        return new PartialStatement(visited, null, renderStatement.Path);
    }
}
