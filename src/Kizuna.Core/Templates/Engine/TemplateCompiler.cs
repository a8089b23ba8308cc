using System.Runtime.CompilerServices;
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
            // The scan bounds what Fluid recurses on; this keeps the parser safe from anything the scan misreads.
            var context = new FluidParseContext(source) { OnEnterParser = static (_, _) => EnsureStack() };
            var parsed = environment.Parser.Grammar.TryParse(context, out var statements, out var error);
            if (error is not null)
            {
                return Failed(source, error.Message ?? "Syntax error.", error.Position.Line, error.Position.Column);
            }

            if (!parsed || context.Scanner.Cursor.Offset < source.Length)
            {
                var (line, column) = SourceLocator.FromOffset(source, context.Scanner.Cursor.Offset);
                return Failed(source, "Unexpected content; a tag or output may not be closed.", line, column);
            }

            var rewriter = new SandboxRewriter(environment.IsKnownFilter, options.MaxRecursion);
            var template = rewriter.VisitTemplate(new FluidTemplate(statements));
            return new CompiledTemplate(source, template, [], rewriter.UnknownFilters);
        }
        catch (Parlot.ParseException e)
        {
            return Failed(source, e.Message, e.Position.Line, e.Position.Column);
        }
        catch (TemplateFaultException e)
        {
            var (line, column) = SourceLocator.FromHint(source, e.LocationHint);
            var kind = e.Kind == TemplateErrorKind.Limit ? TemplateErrorKind.Limit : TemplateErrorKind.Syntax;
            return new CompiledTemplate(source, null, [new TemplateError(kind, e.Message, line, column)], []);
        }
        catch (Fluid.ParseException e)
        {
            return Failed(source, e.Message, 1, 1);
        }
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

    private static CompiledTemplate Failed(string source, string message, int line, int column) =>
        new(source, null, [new TemplateError(TemplateErrorKind.Syntax, message, line, column)], []);
}
