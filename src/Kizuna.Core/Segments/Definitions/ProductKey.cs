namespace Kizuna.Segments.Definitions;

public enum ProductKey
{
    Product,
    Sku,
    Category,
}
