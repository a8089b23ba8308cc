using Fluid.Ast;
using Fluid.Ast.BinaryExpressions;
using Fluid.Parser;
using Kizuna.Templates.Tags;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Rewrites a parsed template for the sandbox: bounded ranges, partials resolved from the workspace with a depth
/// count, and a record of the filters used so strict mode can reject unknown ones before rendering.
/// </summary>
/// <remarks>
/// The render evaluates the tree recursively, so its depth is bounded here too: statements may nest
/// <paramref name="maxNesting"/> blocks (a block and its <c>else</c> are two levels of the tree), expressions
/// <see cref="MaxExpressionDepth"/> levels; a filter chain is walked as a list, and its length is bounded by
/// <see cref="TemplateSourceScanner"/>. Kizuna's tags carry Liquid of their own (the URL of
/// <c>connected_content</c>, the expression of <c>content_block</c>, <c>abort_message</c> and extension tags), which
/// Fluid's rewriter leaves alone; it is rewritten here like the rest.
/// </remarks>
internal sealed class SandboxRewriter(Func<string, bool> isKnownFilter, int maxNesting, bool linkLoops) : AstRewriter
{
    /// <summary>Nesting of <c>and</c>/<c>or</c>, comparisons and brackets in one expression.</summary>
    public const int MaxExpressionDepth = 128;

    private int _statementDepth;
    private int _expressionDepth;

    public HashSet<string> UnknownFilters { get; } = new(StringComparer.Ordinal);

    public override Statement Visit(Statement statement)
    {
        TemplateCompiler.EnsureStack();
        if (++_statementDepth > (2 * maxNesting) + 4)
        {
            throw TemplateCompiler.TooComplex();
        }

        try
        {
            return base.Visit(statement);
        }
        finally
        {
            _statementDepth--;
        }
    }

    public override Expression Visit(Expression expression)
    {
        TemplateCompiler.EnsureStack();
        if (++_expressionDepth > MaxExpressionDepth)
        {
            throw TemplateCompiler.TooComplex();
        }

        try
        {
            return base.Visit(expression);
        }
        finally
        {
            _expressionDepth--;
        }
    }

    protected override Statement VisitParserTagStatement<T>(ParserTagStatement<T> parserTagStatement) => parserTagStatement switch
    {
        ParserTagStatement<ConnectedContentCall> { Value: var call } tag =>
            new ParserTagStatement<ConnectedContentCall>(tag.TagName, call with { Url = VisitTemplate(call.Url) }, tag.Render),
        ParserTagStatement<Expression> { Value: { } expression } tag =>
            new ParserTagStatement<Expression>(tag.TagName, Visit(expression), tag.Render),
        _ => parserTagStatement,
    };

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        var segments = memberExpression.Segments;
        return segments.Count > 1 && segments[^1] is IdentifierSegment { Identifier: "size" } size
            ? new SizeMemberExpression(new MemberExpression([.. segments.Take(segments.Count - 1)]), size)
            : memberExpression;
    }

    protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
        new BoundedRangeExpression(rangeExpression);

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        // a | f | g | h is h(g(f(a))): walk the chain as a list so its length does not cost stack.
        var chain = new List<FilterExpression>();
        Expression input = filterExpression;
        while (input is FilterExpression filter)
        {
            chain.Add(filter);
            input = filter.Input;
        }

        var result = Visit(input);
        var updated = result != input;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var filter = chain[i];
            if (!isKnownFilter(filter.Name))
            {
                UnknownFilters.Add(filter.Name);
            }

            var parameters = new FilterArgument[filter.Parameters.Count];
            var changed = updated;
            for (var j = 0; j < parameters.Length; j++)
            {
                var parameter = filter.Parameters[j];
                var visited = Visit(parameter.Expression);
                changed |= visited != parameter.Expression;
                parameters[j] = visited == parameter.Expression ? parameter : new FilterArgument(parameter.Name, visited);
            }

            result = changed ? new FilterExpression(result, filter.Name, parameters) : filter;
            updated = changed;
        }

        return result;
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
        if (visited is not ForStatement s)
        {
            return visited;
        }

        var blank = BlankBodies.IsBlank([s]);
        var statements = blank ? BlankBodies.Strip(s.Statements) : s.Statements;
        var link = linkLoops || s.Offset is not null;
        if (link)
        {
            statements = [new LoopLinkStatement(LoopName(forStatement)), .. statements];
        }

        return blank || link
            ? new ForStatement(statements, s.Identifier, s.Source, s.Limit, s.Offset, s.Reversed, s.Else is null || !blank ? s.Else : new ElseStatement(BlankBodies.Strip(s.Else.Statements)))
            : s;
    }

    /// <summary>Shopify's <c>forloop.name</c>: the variable and the collection as written, <c>item-product.tags</c>.</summary>
    private static string LoopName(ForStatement loop) => loop.Identifier + "-" + loop.Source switch
    {
        MemberExpression member => Path(member),
        RangeExpression range => $"({Bound(range.From)}..{Bound(range.To)})",
        _ => string.Empty,
    };

    private static string Bound(Expression bound) => bound switch
    {
        MemberExpression member => Path(member),
        LiteralExpression literal => literal.Value.ToStringValue(),
        _ => string.Empty,
    };

    private static string Path(MemberExpression member) =>
        string.Join('.', member.Segments.Select(segment => segment is IdentifierSegment identifier ? identifier.Identifier : string.Empty));

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement) =>
        base.VisitIncludeStatement(includeStatement) is IncludeStatement include ? new PartialStatement(include) : includeStatement;

    protected override Statement VisitRenderStatement(RenderStatement renderStatement) =>
        base.VisitRenderStatement(renderStatement) is RenderStatement render ? new PartialStatement(render) : renderStatement;
}
