using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Kizuna.Templates.Engine;

namespace Kizuna.Templates.Tags;

/// <summary><c>{% unsubscribe_url %}</c>, <c>{% preferences_url %}</c>, <c>{% web_view_url %}</c>: links messaging resolves per recipient.</summary>
internal static class MessageLinkTag
{
    public static Func<TextWriter, TextEncoder, TemplateContext, ValueTask<Completion>> For(Func<MessageLinks, string> pick) =>
        (writer, _, context) =>
        {
            var links = KizunaTemplateContext.ScopeOf(context)?.Links ?? MessageLinks.Preview;
            writer.Write(pick(links));
            return new ValueTask<Completion>(Completion.Normal);
        };
}
