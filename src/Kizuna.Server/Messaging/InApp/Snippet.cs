using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>Serves the browser snippet (<c>/sdk/kizuna-messages.js</c>), embedded in the server so every node answers the same file.</summary>
public static class Snippet
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(Snippet).Assembly.GetManifestResourceStream("sdk/kizuna-messages.js")
            ?? throw new InvalidOperationException("The in-app snippet is not embedded in the server.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static ContentHttpResult Serve(HttpContext http)
    {
        // Short-lived cache: a site picks up a new server's snippet within minutes.
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(Source.Value, "text/javascript; charset=utf-8");
    }
}
