namespace Kizuna.Analytics.Predictions;

/// <summary>
/// Folds a stream of counted orders, ordered by customer and then by time, into one <see cref="CustomerPurchases"/>
/// per customer without holding the orders: a workspace's ten million orders pass through in one read.
/// </summary>
public sealed class PurchaseSummarizer
{
    private readonly List<CustomerPurchases> _customers = [];
    private long _profile = -1;
    private int _orders, _days, _first, _last;
    private long _total, _firstUnits;
    private string? _currency;

    /// <summary>Adds one order; orders of a customer must come together and in time order.</summary>
    public void Add(long profileId, int day, long netUnits, string? currency = null)
    {
        if (profileId != _profile)
        {
            Flush();
            (_profile, _orders, _days, _first, _last, _total, _firstUnits, _currency) = (profileId, 1, 1, day, day, netUnits, netUnits, currency);
            return;
        }

        _orders++;
        _total += netUnits;
        if (day != _last)
        {
            _days++;
            _last = day;
        }
        else if (_days == 1)
        {
            _firstUnits += netUnits;
        }
    }

    /// <summary>The customers folded so far, in the order they came.</summary>
    public List<CustomerPurchases> Complete()
    {
        Flush();
        _profile = -1;
        return _customers;
    }

    private void Flush()
    {
        if (_profile >= 0)
        {
            _customers.Add(new CustomerPurchases(_profile, _orders, _days, _first, _last, _total, _firstUnits, _currency));
        }
    }
}
