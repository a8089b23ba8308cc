using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Fluid.Values;
using Kizuna.Templates.ConnectedContent;
using Kizuna.Templates.Engine;
using Kizuna.Templates.Values;

namespace Kizuna.Templates.Tags;

/// <summary>
/// Braze's <c>{% connected_content https://api.example.com/offers?id={{ customer.id }} :save offers %}</c>: fetches
/// JSON at render time through the workspace's guarded fetcher, within the render's time budget and call cap.
/// Without <c>:save</c> the response body is written out.
/// </summary>
/// <remarks>
/// The URL is Liquid of its own, so it gets what the rest of the template gets: <see cref="TemplateSourceScanner"/>
/// scans it, <see cref="TemplateCompiler.Parse"/> parses it with the stack guard and <see cref="SandboxRewriter"/>
/// rewrites it.
/// </remarks>
internal static class ConnectedContentTag
{
    public static ConnectedContentCall Parse(FluidParser parser, string text)
    {
        var trimmed = text.Trim();
        string? saveAs = null;
        var options = trimmed.IndexOf(" :", StringComparison.Ordinal);
        if (options >= 0)
        {
            var parts = trimmed[(options + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i] == ":save" && i + 1 < parts.Length)
                {
                    saveAs = parts[++i];
                }
            }

            trimmed = trimmed[..options].Trim();
        }

        if (trimmed.Length >= 2 && (trimmed[0] is '"' or '\'') && trimmed[^1] == trimmed[0])
        {
            trimmed = trimmed[1..^1];
        }

        if (trimmed.Length == 0)
        {
            throw new TemplateFaultException(TemplateErrorKind.Syntax, "connected_content needs a URL.", "connected_content");
        }

        try
        {
            // Parsed with the template's parser and stack guard; the sandbox rewrite reaches it through the tag.
            return new ConnectedContentCall(new FluidTemplate(TemplateCompiler.Parse(parser, trimmed)), saveAs);
        }
        catch (Parlot.ParseException e)
        {
            // The position is in the URL, not the template; the error is located at the tag instead.
            throw new TemplateFaultException(TemplateErrorKind.Syntax, "connected_content: the URL is not valid Liquid: " + e.Message, "connected_content");
        }
    }

    public static async ValueTask<Completion> RenderAsync(ConnectedContentCall call, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        context.IncrementSteps();
        var scope = KizunaTemplateContext.ScopeOf(context)
            ?? throw new InvalidOperationException("Connected content renders only through the template service.");
        if (++scope.ConnectedContentCalls > scope.Limits.MaxConnectedContentCalls)
        {
            throw new TemplateFaultException(
                TemplateErrorKind.Limit,
                $"A render may make at most {scope.Limits.MaxConnectedContentCalls} connected_content calls.",
                "connected_content");
        }

        var urlWriter = new StringWriter(CultureInfo.InvariantCulture);
        await call.Url.RenderAsync(urlWriter, NullEncoder.Default, context);
        var urlText = urlWriter.ToString().Trim();
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new TemplateFaultException(TemplateErrorKind.ConnectedContent, $"connected_content: '{urlText}' is not an http or https URL.", "connected_content");
        }

        var body = await FetchAsync(scope, url);
        if (call.SaveAs is null)
        {
            writer.Write(body);
            return Completion.Normal;
        }

        context.SetValue(call.SaveAs, Parse(body));
        return Completion.Normal;
    }

    private static async ValueTask<string> FetchAsync(RenderScope scope, Uri url)
    {
        scope.CheckDeadline();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(scope.CancellationToken);
        budget.CancelAfter(scope.Remaining);
        try
        {
            return await scope.Fetcher.FetchAsync(url, budget.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TemplateFaultException(
                TemplateErrorKind.Timeout,
                $"connected_content: {url.Host} did not answer within the render's time budget.",
                "connected_content");
        }
        catch (ConnectedContentException e)
        {
            throw new TemplateFaultException(TemplateErrorKind.ConnectedContent, "connected_content: " + e.Message, "connected_content");
        }
    }

    private static FluidValue Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return TemplateValueConverter.FromElement(document.RootElement);
        }
        catch (JsonException)
        {
            return StringValue.Create(body);
        }
    }
}
