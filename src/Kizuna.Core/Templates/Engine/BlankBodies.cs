using Fluid.Ast;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Shopify drops the whitespace of a block whose every branch is blank (only whitespace, comments, assignments or
/// other blank blocks), so <c>{% if x %}\n  {% assign y = 1 %}\n{% endif %}</c> writes nothing.
/// </summary>
internal static class BlankBodies
{
    public static bool IsBlank(IReadOnlyList<Statement>? statements) =>
        statements is null || statements.All(IsBlank);

    public static IReadOnlyList<Statement> Strip(IReadOnlyList<Statement> statements) =>
        [.. statements.Where(s => s is not TextSpanStatement)];

    private static bool IsBlank(Statement statement) => statement switch
    {
        TextSpanStatement text => string.IsNullOrWhiteSpace(text.Text.ToString()),
        CommentStatement or AssignStatement or CaptureStatement or LoopLinkStatement => true,
        IfStatement s => IsBlank(s.Statements) && s.ElseIfs.All(e => IsBlank(e.Statements)) && IsBlank(s.Else?.Statements),
        UnlessStatement s => IsBlank(s.Statements) && IsBlank(s.Else?.Statements),
        CaseStatement s => s.Whens.All(w => IsBlank(w.Statements)) && IsBlank(s.Else?.Statements),
        ForStatement s => IsBlank(s.Statements) && IsBlank(s.Else?.Statements),
        _ => false,
    };
}
