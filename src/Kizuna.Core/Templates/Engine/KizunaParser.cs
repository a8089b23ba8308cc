using Fluid;
using Fluid.Ast;
using Kizuna.Templates.Tags;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Fluid's parser with Shopify's tag behaviour where Fluid differs (<c>doc</c>, <c>increment</c>/<c>decrement</c>,
/// an empty <c>echo</c>, no <c>startswith</c>/<c>endswith</c> operators) and Kizuna's own tags.
/// </summary>
internal sealed class KizunaParser : FluidParser
{
    public KizunaParser()
        : base(new FluidParserOptions { AllowTrailingQuestionMark = true, AllowLiquidTag = true })
    {
        RegisteredOperators.Remove("startswith");
        RegisteredOperators.Remove("endswith");

        RegisteredTags["doc"] = TagEnd
            .SkipAnd(AnyCharBefore(CreateTag("enddoc"), canBeEmpty: true))
            .AndSkip(CreateTag("enddoc").ElseError("'{% enddoc %}' was expected"))
            .Then<Statement>(static x => new CommentStatement(x))
            .ElseError("Invalid 'doc' tag");
        RegisteredTags["increment"] = Identifier.AndSkip(TagEnd).Then<Statement>(static x => new CounterStatement(x, 1))
            .ElseError("An identifier was expected after the 'increment' tag");
        RegisteredTags["decrement"] = Identifier.AndSkip(TagEnd).Then<Statement>(static x => new CounterStatement(x, -1))
            .ElseError("An identifier was expected after the 'decrement' tag");
        RegisteredTags["echo"] = ZeroOrOne(FilterExpression).AndSkip(TagEnd)
            .Then<Statement>(static x => x is null ? new CommentStatement(default) : new OutputStatement(x))
            .ElseError("Invalid 'echo' tag");

        RegisterExpressionTag("content_block", ContentBlockTag.RenderAsync);
        RegisterParserTag("abort_message", ZeroOrOne(FilterExpression), AbortMessageTag.RenderAsync);
        RegisterParserTag(
            "connected_content",
            AnyCharBefore(TagEnd).Then(x => ConnectedContentTag.Parse(this, x.ToString())),
            ConnectedContentTag.RenderAsync);
        RegisterEmptyTag("unsubscribe_url", MessageLinkTag.For(static l => l.UnsubscribeUrl));
        RegisterEmptyTag("preferences_url", MessageLinkTag.For(static l => l.PreferencesUrl));
        RegisterEmptyTag("web_view_url", MessageLinkTag.For(static l => l.WebViewUrl));
    }
}
