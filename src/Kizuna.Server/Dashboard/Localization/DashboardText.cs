using System.Globalization;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>
/// Every label of the dashboard, one instance per language. <c>required</c> makes the compiler refuse a language
/// that misses a label.
/// </summary>
public sealed partial record DashboardText
{
    /// <summary>The table for the request's UI culture (the circuit keeps the culture it started with).</summary>
    public static DashboardText Current => For(CultureInfo.CurrentUICulture);

    public static DashboardText For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ja" ? Ja : En;

    /// <summary>The label of an order status as stored.</summary>
    public string OrderStatus(string status) => status switch
    {
        "completed" => StatusCompleted,
        "refunded" => StatusRefunded,
        "partially_refunded" => StatusPartiallyRefunded,
        "cancelled" => StatusCancelled,
        _ => status,
    };

    /// <summary>
    /// The label of an event name as counted: track events keep their own name; the other calls are counted under
    /// <c>$page</c>, <c>$screen</c>, <c>$identify</c>, <c>$group</c> and <c>$alias</c>, which read as what happened.
    /// </summary>
    public string EventName(string name) => name switch
    {
        "$page" => EventPage,
        "$screen" => EventScreen,
        "$identify" => EventIdentify,
        "$group" => EventGroup,
        "$alias" => EventAlias,
        _ => name,
    };

    /// <summary>The label of a call that has no name of its own (<c>identify</c>, <c>group</c>, <c>alias</c>).</summary>
    public string MessageType(string type) => EventName("$" + type);

    public required string EventPage { get; init; }

    public required string EventScreen { get; init; }

    public required string EventIdentify { get; init; }

    public required string EventGroup { get; init; }

    public required string EventAlias { get; init; }

    public required string AppName { get; init; }

    public required string Overview { get; init; }

    public required string Customers { get; init; }

    public required string SignIn { get; init; }

    public required string SignInTitle { get; init; }

    public required string Email { get; init; }

    public required string Password { get; init; }

    public required string WrongCredentials { get; init; }

    public required string NoWorkspace { get; init; }

    public required string SignInFormExpired { get; init; }

    public required string SignOut { get; init; }

    public required string Workspace { get; init; }

    public required string Language { get; init; }

    public required string CustomerCount { get; init; }

    public required string EventsToday { get; init; }

    public required string ActiveToday { get; init; }

    public required string Revenue30Days { get; init; }

    public required string Orders30Days { get; init; }

    public required string EventsPerDay { get; init; }

    public required string LiveEvents { get; init; }

    public required string NoLiveEvents { get; init; }

    public required string Search { get; init; }

    public required string Name { get; init; }

    public required string UserId { get; init; }

    public required string LastSeen { get; init; }

    public required string Events { get; init; }

    public required string Orders { get; init; }

    public required string TotalSpent { get; init; }

    public required string NoCustomers { get; init; }

    public required string CustomerNotFound { get; init; }

    public required string Traits { get; init; }

    public required string Identities { get; init; }

    public required string Aggregates { get; init; }

    public required string FirstSeen { get; init; }

    public required string Sessions { get; init; }

    public required string PageViews { get; init; }

    public required string AverageOrderValue { get; init; }

    public required string FirstOrder { get; init; }

    public required string LastOrder { get; init; }

    public required string EventCounts { get; init; }

    public required string Count { get; init; }

    public required string LastAt { get; init; }

    public required string Timeline { get; init; }

    public required string LoadMore { get; init; }

    public required string NoTimeline { get; init; }

    public required string Order { get; init; }

    public required string Status { get; init; }

    public required string Total { get; init; }

    public required string PlacedAt { get; init; }

    public required string Product { get; init; }

    public required string Quantity { get; init; }

    public required string Price { get; init; }

    public required string NoOrders { get; init; }

    public required string Refunds { get; init; }

    public required string RefundOfOrder { get; init; }

    public required string RefundedAt { get; init; }

    public required string UnmatchedRefund { get; init; }

    public required string UnmatchedRefundHint { get; init; }

    public required string RowsPerPage { get; init; }

    public required string Back { get; init; }

    public required string StatusCompleted { get; init; }

    public required string StatusRefunded { get; init; }

    public required string StatusPartiallyRefunded { get; init; }

    public required string StatusCancelled { get; init; }
}
