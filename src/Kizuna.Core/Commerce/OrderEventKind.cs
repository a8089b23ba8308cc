namespace Kizuna.Commerce;

/// <summary>The e-commerce spec v2 events that change an order.</summary>
public enum OrderEventKind
{
    Completed,
    Refunded,
    Cancelled,
}
