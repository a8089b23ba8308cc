using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kizuna.Bench.Messaging;

/// <summary>
/// W4's email: about 10 KB of HTML with a style sheet, a greeting, a loop over twelve products and a footer. W4 gives
/// each message its recipient's data; W4c keeps the same data on each customer's profile (<see cref="Traits"/>) and
/// reads it from <c>customer.traits</c>.
/// </summary>
public static class BenchEmail
{
    public const string Subject = "{{ data.first_name }}, {{ data.products.size }} picks for you this week";

    public static readonly string Html = HtmlSource;

    private const string HtmlSource =
        """
        <html><head><style>
        body { font-family: Helvetica, Arial, sans-serif; color: #222222; background: #f4f4f4 }
        .card { background: #ffffff; border: 1px solid #dddddd; padding: 12px; margin: 8px 0 }
        .name { font-size: 16px; font-weight: bold; color: #111111 }
        .price { color: #b00020; font-size: 15px }
        .button { background: #0a7cff; color: #ffffff; padding: 8px 14px; text-decoration: none; border-radius: 4px }
        .footer { font-size: 11px; color: #888888; padding: 16px }
        </style></head><body>
        <table width="100%"><tr><td align="center"><table width="600">
        <tr><td><h1>Hello {{ data.first_name | escape }},</h1>
        <p>We picked these for you from what you looked at in {{ data.month }}. Every one ships free this week, and members
        earn double points on each of them until Sunday night.</p></td></tr>
        {% for product in data.products %}
        <tr><td class="card">
          <table><tr>
            <td><img src="https://cdn.example.com/p/{{ product.sku }}.jpg" width="120" height="120" alt="{{ product.name | escape }}"></td>
            <td><div class="name">{{ forloop.index }}. {{ product.name | escape }}</div>
                <div class="price">{{ product.price | money_with_currency }}</div>
                <p>{{ product.blurb | escape }}</p>
                <a class="button" href="https://shop.example.com/p/{{ product.sku }}?utm_source=kizuna&amp;utm_medium=email&amp;r={{ data.ref }}">View {{ product.name | escape }}</a></td>
          </tr></table>
        </td></tr>
        {% endfor %}
        <tr><td class="footer">You get this because you are a member of Example Shop.
        <a href="{{ unsubscribe_url }}">Unsubscribe</a> · <a href="{{ preferences_url }}">Preferences</a> · <a href="{{ web_view_url }}">View in a browser</a>
        <br>Example Shop, 1-2-3 Shibuya, Tokyo</td></tr>
        </table></td></tr></table></body></html>
        """;

    /// <summary>The subject and HTML reading the recipient's data from <paramref name="root"/> instead of <c>data</c>.</summary>
    public static (string Subject, string Html) Over(string root) =>
        (Subject.Replace("data.", root + ".", StringComparison.Ordinal), HtmlSource.Replace("data.", root + ".", StringComparison.Ordinal));

    /// <summary>Recipient <paramref name="i"/>'s data as profile traits, with their email address and a cohort to segment on.</summary>
    public static JsonObject Traits(int i, string email, string cohort)
    {
        var traits = JsonNode.Parse(Data(i))!.AsObject();
        traits["email"] = email;
        traits["cohort"] = cohort;
        return traits;
    }

    /// <summary>Recipient <paramref name="i"/>'s data: a name and twelve products of their own.</summary>
    public static string Data(int i) => JsonSerializer.Serialize(new
    {
        first_name = $"Customer{i}",
        month = "November",
        @ref = i.ToString("x8", CultureInfo.InvariantCulture),
        products = Enumerable.Range(0, 12).Select(p => new
        {
            sku = $"sku-{(i * 7 + p * 13) % 5000:0000}",
            name = $"Organic cotton tee no. {(i + p) % 97}",
            price = 1980 + (i + p) % 40 * 100,
            blurb = "Soft, breathable and made to last: a heavyweight everyday tee cut from certified organic cotton.",
        }),
    });
}
