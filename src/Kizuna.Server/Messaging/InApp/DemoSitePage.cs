using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuna.Server.Messaging.InApp;

/// <summary>
/// <c>/demo/site</c>: a small shop page that includes the in-app snippet as the demo customer, so a person can see
/// the welcome message and the card feed, and new messages arrive live. Only <c>kizuna demo</c> serves it.
/// </summary>
public static class DemoSitePage
{
    public static IEndpointRouteBuilder MapDemoSitePage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/demo/site", Page).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    internal static Results<ContentHttpResult, NotFound> Page(DemoSite site)
    {
        if (site.Access is not { } access)
        {
            return TypedResults.NotFound();
        }

        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Kizuna demo shop</title>
              <style>
                body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1f2328; background: #faf7f2; }
                header { background: #2e4f3a; color: #fff; padding: 16px 32px; }
                main { display: grid; grid-template-columns: 1fr 340px; gap: 32px; padding: 32px; max-width: 1100px; margin: auto; }
                code { background: #eee; padding: 1px 4px; border-radius: 4px; }
              </style>
            </head>
            <body>
              <header><h1>Matcha &amp; Co. <small>(Kizuna demo shop)</small></h1></header>
              <main>
                <section>
                  <h2>Hello, Hana</h2>
                  <p>This page belongs to a shop that uses Kizuna. It includes <code>/sdk/kizuna-messages.js</code> as the demo customer
                  <code>{{WebUtility.HtmlEncode(access.UserId)}}</code>, so her in-app message shows over the page and her content cards are listed on the right.</p>
                  <p>Send her another one from the API (<code>POST /api/messages</code> with an <code>in_app</code> or <code>content_card</code>
                  template and <code>"to": {"userId": "{{WebUtility.HtmlEncode(access.UserId)}}"}</code>) and it appears here at once.</p>
                </section>
                <aside>
                  <h2>For you</h2>
                  <div id="cards"></div>
                </aside>
              </main>
              <script src="/sdk/kizuna-messages.js" data-write-key="{{WebUtility.HtmlEncode(access.WriteKey)}}"
                      data-user-id="{{WebUtility.HtmlEncode(access.UserId)}}" data-user-hash="{{WebUtility.HtmlEncode(access.UserHash)}}" data-feed="#cards"></script>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}
