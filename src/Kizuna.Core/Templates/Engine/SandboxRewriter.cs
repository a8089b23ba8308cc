using Fluid.Ast;
using Fluid.Ast.BinaryExpressions;

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

    protected override Expression VisitContainsBinaryExpression(ContainsBinaryExpression containsBinaryExpression)
    {
        var visited = (ContainsBinaryExpression)base.VisitContainsBinaryExpression(containsBinaryExpression);
        return new LiquidContainsExpression(visited.Left, visited.Right);
    }

    protected override Expression VisitGreaterThanBinaryExpression(GreaterThanBinaryExpression greaterThanBinaryExpression) =>
        new LiquidComparisonExpression((BinaryExpression)base.VisitGreaterThanBinaryExpression(greaterThanBinaryExpression), ">");

    protected override Expression VisitLowerThanBinaryExpression(LowerThanBinaryExpression lowerThanBinaryExpression) =>
        new LiquidComparisonExpression((BinaryExpression)base.VisitLowerThanBinaryExpression(lowerThanBinaryExpression), "<");

    protected override Statement VisitIfStatement(IfStatement ifStatement)
    {
        var visited = base.VisitIfStatement(ifStatement);
        if (visited is not IfStatement s || !BlankBodies.IsBlank([s]))
        {
            return visited;
        }

        return new IfStatement(
            s.Condition,
            BlankBodies.Strip(s.Statements),
            s.Else is null ? null : new ElseStatement(BlankBodies.Strip(s.Else.Statements)),
            [.. s.ElseIfs.Select(e => new ElseIfStatement(e.Condition, BlankBodies.Strip(e.Statements)))]);
    }

    protected override Statement VisitUnlessStatement(UnlessStatement unlessStatement)
    {
        var visited = base.VisitUnlessStatement(unlessStatement);
        return visited is UnlessStatement s && BlankBodies.IsBlank([s])
            ? new UnlessStatement(s.Condition, BlankBodies.Strip(s.Statements), s.Else is null ? null : new ElseStatement(BlankBodies.Strip(s.Else.Statements)))
            : visited;
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        var visited = base.VisitForStatement(forStatement);
        return visited is ForStatement s && BlankBodies.IsBlank([s])
            ? new ForStatement(BlankBodies.Strip(s.Statements), s.Identifier, s.Source, s.Limit, s.Offset, s.Reversed, s.Else is null ? null : new ElseStatement(BlankBodies.Strip(s.Else.Statements)))
            : visited;
    }

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement) =>
        base.VisitIncludeStatement(includeStatement) is IncludeStatement include ? new PartialStatement(include) : includeStatement;

    protected override Statement VisitRenderStatement(RenderStatement renderStatement) =>
        base.VisitRenderStatement(renderStatement) is RenderStatement render ? new PartialStatement(render) : renderStatement;
}
