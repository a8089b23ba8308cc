namespace Kizuna.Templates.Store;

/// <summary>What a stored Liquid document is: a whole message template, or a block other templates include.</summary>
public enum TemplateKind
{
    /// <summary>A message body (and subject) rendered for a customer.</summary>
    Template,

    /// <summary>A reusable piece (<c>{% content_block "footer" %}</c>, <c>{% render "card" %}</c>).</summary>
    ContentBlock,
}
