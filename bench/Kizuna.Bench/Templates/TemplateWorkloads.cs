namespace Kizuna.Bench.Templates;

/// <summary>The W2 templates and data; the same text and values go to every engine.</summary>
internal static class TemplateWorkloads
{
    public const string Greeting = "Hello {{ customer.first_name }}!";

    public const string Footer = "<p>{{ campaign.name }} — you receive this because you subscribed.</p>";

    /// <summary>The marketing email body before its footer; Kizuna appends a content block, the others the footer text.</summary>
    public const string MarketingBody = """
        <h1>Hi {{ customer.first_name | capitalize }},</h1>
        {% if customer.vip %}<p>As a VIP you get {{ campaign.discount | times: 1.5 | round }}% off.</p>{% else %}<p>Enjoy {{ campaign.discount }}% off.</p>{% endif %}
        <ul>
        {% for product in recommendations %}<li>{{ product.name | upcase | truncate: 20 }} — {{ product.price | times: 0.9 | round: 2 }}{% if product.price > 100 %} (premium){% endif %}{% unless forloop.last %},{% endunless %}</li>
        {% endfor %}</ul>
        """;

    public const string ProductList = """
        {% for product in products %}<tr><td>{{ forloop.index }}</td><td>{{ product.name | escape }}</td><td>{{ product.price | round: 2 }}</td><td>{{ product.tags | join: ', ' }}</td></tr>
        {% endfor %}
        """;

    public static Dictionary<string, object?> Customer() => new()
    {
        ["first_name"] = "hanako",
        ["vip"] = true,
        ["email"] = "hanako@example.com",
    };

    public static Dictionary<string, object?> Campaign() => new() { ["name"] = "Spring sale", ["discount"] = 10 };

    public static List<Dictionary<string, object?>> Products(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => new Dictionary<string, object?>
        {
            ["name"] = $"Product number {i} with a long name",
            ["price"] = 20m + (i * 7.35m),
            ["tags"] = new List<object?> { "tea", "gift", $"t{i % 5}" },
        }),
    ];
}
