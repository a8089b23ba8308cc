using System.Text;
using Kizuna.Imports;

namespace Kizuna.Server.Dashboard.Imports;

/// <summary>Guesses which Kizuna field a column holds from its header, as a first choice the person can change.</summary>
public static class ColumnGuess
{
    // Headers shops and exports commonly use (Shopify, WooCommerce, Online Retail), compared without case and punctuation.
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["userid"] = ImportFields.UserId,
        ["customerid"] = ImportFields.UserId,
        ["customer"] = ImportFields.UserId,
        ["externalid"] = ImportFields.UserId,
        ["anonymousid"] = ImportFields.AnonymousId,
        ["email"] = ImportFields.Email,
        ["emailaddress"] = ImportFields.Email,
        ["mail"] = ImportFields.Email,
        ["timestamp"] = ImportFields.Timestamp,
        ["date"] = ImportFields.Timestamp,
        ["time"] = ImportFields.Timestamp,
        ["createdat"] = ImportFields.Timestamp,
        ["orderdate"] = ImportFields.Timestamp,
        ["invoicedate"] = ImportFields.Timestamp,
        ["orderid"] = ImportFields.OrderId,
        ["invoiceno"] = ImportFields.OrderId,
        ["invoice"] = ImportFields.OrderId,
        ["ordernumber"] = ImportFields.OrderId,
        ["originalorderid"] = ImportFields.OriginalOrderId,
        ["productid"] = ImportFields.ProductId,
        ["stockcode"] = ImportFields.ProductId,
        ["sku"] = ImportFields.Sku,
        ["name"] = ImportFields.Name,
        ["productname"] = ImportFields.Name,
        ["description"] = ImportFields.Name,
        ["title"] = ImportFields.Name,
        ["category"] = ImportFields.Category,
        ["quantity"] = ImportFields.Quantity,
        ["qty"] = ImportFields.Quantity,
        ["price"] = ImportFields.Price,
        ["unitprice"] = ImportFields.Price,
        ["currency"] = ImportFields.Currency,
        ["imageurl"] = ImportFields.ImageUrl,
        ["image"] = ImportFields.ImageUrl,
        ["url"] = ImportFields.Url,
        ["event"] = ImportFields.Event,
        ["eventname"] = ImportFields.Event,
        ["messageid"] = ImportFields.MessageId,
    };

    /// <summary>The field a header names, if it is one the kind takes.</summary>
    public static string? Field(ImportKind kind, string header) =>
        Synonyms.TryGetValue(Normalize(header), out var field) && ImportFields.Allowed(kind).Contains(field) ? field : null;

    /// <summary>Where a column that names no field goes by default: customer columns are traits, event columns properties.</summary>
    public static ColumnTarget Other(ImportKind kind) => kind switch
    {
        ImportKind.Customers => ColumnTarget.Trait,
        ImportKind.Events => ColumnTarget.Property,
        _ => ColumnTarget.Skip,
    };

    /// <summary>The trait or property name of a column: its header in snake case (<c>First Name</c> → <c>first_name</c>).</summary>
    public static string TraitName(string header)
    {
        var text = header.Trim();
        var name = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (name.Length > 0 && name[^1] != '_')
                {
                    name.Append('_');
                }

                continue;
            }

            if (char.IsUpper(c) && i > 0 && char.IsLower(text[i - 1]) && name[^1] != '_')
            {
                name.Append('_');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        return name.ToString().TrimEnd('_') is { Length: > 0 } snake ? snake : text;
    }

    private static string Normalize(string header) =>
        new([.. header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
