namespace Kizuna.Imports;

/// <summary>How a cancellation line finds the order it cancels.</summary>
public enum CancellationMatch
{
    /// <summary>By id: the <c>original_order_id</c> column, else the cancellation's id without its prefix.</summary>
    OrderId,

    /// <summary>
    /// The same customer's most recent earlier order with the same product, for files (like UCI Online Retail)
    /// whose cancellations carry their own numbers and no reference to the original.
    /// </summary>
    CustomerProduct,
}
