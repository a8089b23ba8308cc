using System.Globalization;
using System.Text.Json;
using Fluid.Values;

namespace Kizuna.Templates;

/// <summary>
/// The data a template may read, and nothing else: named roots holding dictionaries, <see cref="JsonElement"/> or
/// <see cref="System.Text.Json.Nodes.JsonNode"/> values (traits, event properties), primitives, lists, and view
/// types registered through <see cref="TemplateExtensionRegistry.AddViewType{T}"/>.
/// </summary>
/// <remarks>
/// The names marketers expect: <c>customer</c> (with <c>customer.first_name</c>, <c>customer.traits.*</c>),
/// <c>event</c> (<c>event.properties.*</c>), <c>campaign</c>, <c>order</c>, <c>products</c>, <c>recommendations</c>.
/// </remarks>
public sealed class TemplateModel
{
    public const string CustomerName = "customer";
    public const string EventName = "event";
    public const string CampaignName = "campaign";
    public const string OrderName = "order";
    public const string ProductsName = "products";
    public const string RecommendationsName = "recommendations";

    private readonly List<KeyValuePair<string, object?>> _roots = [];
    private Converted? _converted;

    public static TemplateModel Empty => new();

    public IReadOnlyList<KeyValuePair<string, object?>> Roots => _roots;

    /// <summary>The customer's time zone: dates render in it when the render options name none.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The customer's locale: <c>currency</c> and <c>number</c> use it when neither the filter nor the render options name one.</summary>
    public CultureInfo? Culture { get; init; }

    /// <summary>A model whose roots are the properties of a JSON object (preview with given data).</summary>
    public static TemplateModel FromJson(JsonElement data)
    {
        var model = new TemplateModel();
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                model.Set(property.Name, property.Value);
            }
        }

        return model;
    }

    public TemplateModel Set(string name, object? value)
    {
        _roots.Add(new(name, value));
        return this;
    }

    /// <summary>
    /// Root <paramref name="index"/> as a Liquid value, converted once for all the renders of this model (an email's
    /// subject, HTML and text): a JSON root is converted whole, and converting a message's data again for each field
    /// cost as much as a tenth of a send. Liquid values are never changed by a render, so the renders can share them.
    /// </summary>
    internal FluidValue Value(int index, Fluid.TemplateOptions options)
    {
        var converted = _converted;
        if (converted is null || converted.Options != options || converted.Values.Length != _roots.Count)
        {
            _converted = converted = new Converted(options, new FluidValue?[_roots.Count]);
        }

        return converted.Values[index] ??= FluidValue.Create(_roots[index].Value, options);
    }

    private sealed record Converted(Fluid.TemplateOptions Options, FluidValue?[] Values);

    public TemplateModel Customer(object? value) => Set(CustomerName, value);

    public TemplateModel Event(object? value) => Set(EventName, value);

    public TemplateModel Campaign(object? value) => Set(CampaignName, value);

    public TemplateModel Order(object? value) => Set(OrderName, value);

    public TemplateModel Products(object? value) => Set(ProductsName, value);

    public TemplateModel Recommendations(object? value) => Set(RecommendationsName, value);
}
