using System.Runtime.CompilerServices;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Parses Liquid with Kizuna's parser, locates syntax errors, and applies the sandbox rewrite. A template too large
/// or too deeply nested is refused before parsing: the parser, the rewrite and the render all recurse, and a stack
/// overflow cannot be caught.
/// </summary>
internal sealed class TemplateCompiler(FluidEnvironment environment, TemplateOptions options)
{
    public CompiledTemplate Compile(string source)
    {
        if (TemplateSourceScanner.Check(source, options.MaxTemplateChars, options.MaxRecursion) is { } refused)
        {
            return new CompiledTemplate(source, null, [refused], []);
        }

        try
        {
            var statements = Parse(environment.Parser, source);
            // forloop.parentloop and forloop.name cost a statement per pass: only loops that may read them pay it.
            var linkLoops = source.Contains("parentloop", StringComparison.Ordinal) || source.Contains("forloop.name", StringComparison.Ordinal);
            var rewriter = new SandboxRewriter(environment.IsKnownFilter, options.MaxRecursion, linkLoops);
            var template = rewriter.VisitTemplate(new FluidTemplate(statements));
            return new CompiledTemplate(source, template, [], rewriter.UnknownFilters);
        }
        catch (Parlot.ParseException e)
        {
            return Failed(source, SyntaxErrors.Explain(source, e.Message, e.Position.Offset));
        }
        catch (TemplateFaultException e)
        {
            var (line, column) = SourceLocator.FromHint(source, e.LocationHint);
            var kind = e.Kind == TemplateErrorKind.Limit ? TemplateErrorKind.Limit : TemplateErrorKind.Syntax;
            return new CompiledTemplate(source, null, [new TemplateError(kind, e.Message, line, column)], []);
        }
        catch (Fluid.ParseException e)
        {
            return Failed(source, SyntaxErrors.ExplainUnlocated(source, e.Message));
        }
    }

    /// <summary>
    /// Parses Liquid that <see cref="TemplateSourceScanner"/> has checked: the template, and the URL of a
    /// <c>connected_content</c> tag, which Fluid parses while it parses the template around it.
    /// </summary>
    /// <exception cref="Parlot.ParseException">The source is not valid Liquid; the position is in <paramref name="source"/>.</exception>
    internal static IReadOnlyList<Statement> Parse(FluidParser parser, string source)
    {
        // The scan bounds what Fluid recurses on; this keeps the parser safe from anything the scan misreads.
        var context = new FluidParseContext(source) { OnEnterParser = static (_, _) => EnsureStack() };
        var parsed = parser.Grammar.TryParse(context, out var statements, out var error);
        if (error is not null)
        {
            throw new Parlot.ParseException(error.Message ?? "Syntax error.", error.Position);
        }

        if (!parsed || context.Scanner.Cursor.Offset < source.Length)
        {
            throw new Parlot.ParseException("Unexpected content; a tag or output may not be closed.", context.Scanner.Cursor.Position);
        }

        return statements;
    }

    /// <summary>Stops a recursive walk (parser or rewrite) before it runs out of stack.</summary>
    internal static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw TooComplex();
        }
    }

    internal static TemplateFaultException TooComplex() =>
        new(TemplateErrorKind.Limit, "The template is nested too deeply to be read; simplify its blocks and expressions.");

    private static CompiledTemplate Failed(string source, TemplateError error) => new(source, null, [error], []);
}
