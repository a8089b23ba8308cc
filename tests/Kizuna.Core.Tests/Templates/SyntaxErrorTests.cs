namespace Kizuna.Templates;

public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("Hi\n  {% foo %}", 2, 3, "Unknown tag 'foo'.")]
    [InlineData("Hi\n  x {% endfor %}", 2, 5, "'{% endfor %}' has no '{% for %}' to close.")]
    [InlineData("Hi\n{% else %}", 2, 1, "'{% else %}' is outside the if, unless, case or for it belongs to.")]
    [InlineData("a\n {% if true %}\nb\n\nc", 2, 2, "'{% if %}' is not closed: '{% endif %}' was expected before the end of the template.")]
    [InlineData("{% for x in y %}\n  {% if x %}{% endfor %}", 2, 3, "'{% if %}' is not closed: '{% endif %}' was expected before '{% endfor %}' at 2:13.")]
    [InlineData("{% liquid\n  if x\n  echo 1\n%}", 2, 3, "'{% if %}' is not closed: '{% endif %}' was expected before 4:1.")]
    [InlineData("a {% comment %} never closed", 1, 3, "'{% comment %}' is not closed: '{% endcomment %}' was expected before the end of the template.")]
    [InlineData("a\n {{ 'x' | truncate: }}", 2, 11, "The filter 'truncate' has ':' but no argument after it.")]
    [InlineData("a\n {{ name | default: | upcase }}", 2, 12, "The filter 'default' has ':' but no argument after it.")]
    [InlineData("a\n {{ first last }}", 2, 11, "'}}' was expected to end the output, but 'last' follows.")]
    [InlineData("a\n {{ name ", 2, 2, "This output is not closed: '}}' was expected.")]
    [InlineData("a {% if %}{% endif %}", 1, 3, "Invalid 'if' tag: {% if %}")]
    public void Validate_SyntaxError_IsLocatedAtItsCauseWithAClearMessage(string template, int line, int column, string message)
    {
        var error = Assert.Single(TemplateService.CreateDefault().Validate(template).Errors);

        Assert.Equal(TemplateErrorKind.Syntax, error.Kind);
        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Validate_TagNamesInsideQuotesAndRawText_DoNotCountAsBlocks()
    {
        const string template = "{% raw %}{% if %}{% endraw %}{{ '{% for' }}\n{% unless x %}";

        var error = Assert.Single(TemplateService.CreateDefault().Validate(template).Errors);

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.StartsWith("'{% unless %}' is not closed", error.Message, StringComparison.Ordinal);
    }
}
