using Fluid.Parser;

namespace Kizuna.Templates.Engine;

/// <summary>Parses Liquid with Kizuna's parser, locates syntax errors, and applies the sandbox rewrite.</summary>
internal sealed class TemplateCompiler(FluidEnvironment environment)
{
    public CompiledTemplate Compile(string source)
    {
        try
        {
            var context = new FluidParseContext(source);
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

            var rewriter = new SandboxRewriter(environment.IsKnownFilter);
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
            return Failed(source, e.Message, line, column);
        }
        catch (Fluid.ParseException e)
        {
            return Failed(source, e.Message, 1, 1);
        }
    }

    private static CompiledTemplate Failed(string source, string message, int line, int column) =>
        new(source, null, [new TemplateError(TemplateErrorKind.Syntax, message, line, column)], []);
}
