using Kizuna.Journeys.Model;

namespace Kizuna.Journeys.Library;

/// <summary>
/// The ready-made journeys: welcome series, abandoned cart, browse abandonment, post-purchase NPS request, win-back
/// after 90 days without an order, birthday. Each passes validation once its templates exist.
/// </summary>
public static class ReadyJourneys
{
    public static readonly IReadOnlyList<ReadyJourney> All =
    [
        new("welcome_series", "Welcome series", "Three emails over the first week after sign-up; a customer who orders leaves the series.",
            new JourneyDefinition(
                new JourneyEntryRule(JourneyEntryRule.OnEvent, "Signed Up"),
                [
                    Email("welcome", "wait_2d"), Delay("wait_2d", "2d", "ordered"),
                    new JourneyNode("ordered", JourneyNodeKinds.Branch, "Ordered already?", Next: "done", Condition: "performed(\"Order Completed\")", Else: "tips"),
                    Email("tips", "wait_5d"), Delay("wait_5d", "5d", "first_order"), Email("first_order", "done"), Exit("done"),
                ],
                ReEntry: new ReEntryRule(ReEntryRule.Never), Goal: new ConversionGoal("Order Completed", "14d")),
            [
                new("welcome", "journey_welcome", "email", "Welcome, {{ customer.first_name | default: 'friend' }}", "<p>Thank you for joining us.</p>"),
                new("tips", "journey_tips", "email", "Getting the most out of your account", "<p>A few things our customers love.</p>"),
                new("first_order", "journey_first_order_offer", "email", "A gift for your first order", "<p>Use WELCOME10 for 10% off your first order.</p>"),
            ]),
        new("abandoned_cart", "Abandoned cart", "A checkout without its order: after an hour an email with the cart's items, after another day an SMS offer; the order with the same cart_id ends it at any point.",
            new JourneyDefinition(
                new JourneyEntryRule(JourneyEntryRule.OnEvent, "Checkout Started", "property.cart_id exists"),
                [
                    WaitOrder("wait_order", "1h", "cart_email"), Email("cart_email", "wait_offer"), WaitOrder("wait_offer", "24h", "offer_sms"),
                    new JourneyNode("offer_sms", JourneyNodeKinds.Message, "Offer by SMS", Next: "done", Channel: "sms"), Exit("done"),
                ],
                ReEntry: new ReEntryRule(ReEntryRule.Always),
                Exits: [new ExitCriterion("Order Completed", ["cart_id"])],
                Goal: new ConversionGoal("Order Completed", "3d")),
            [
                new("cart_email", "journey_cart_reminder", "email", "You left something in your cart",
                    "<p>Your cart is waiting:</p><ul>{% for item in data.products %}<li>{{ item.name }} × {{ item.quantity | default: 1 }}</li>{% endfor %}</ul>"),
                new("offer_sms", "journey_cart_offer_sms", "sms", null, "Your cart is still waiting: 10% off with CART10 today."),
            ]),
        new("browse_abandonment", "Browse abandonment", "A product viewed and not added to the cart within four hours gets one reminder, at most once a week.",
            new JourneyDefinition(
                new JourneyEntryRule(JourneyEntryRule.OnEvent, "Product Viewed", "property.product_id exists"),
                [
                    new JourneyNode("wait_add", JourneyNodeKinds.WaitEvent, "Added to cart?", Next: "done", Event: "Product Added", Match: ["product_id"], Timeout: "4h", OnTimeout: "browse_email"),
                    Email("browse_email", "done"), Exit("done"),
                ],
                ReEntry: new ReEntryRule(ReEntryRule.AfterExit, MinGap: "7d"),
                Exits: [new ExitCriterion("Order Completed")],
                Goal: new ConversionGoal("Order Completed", "7d")),
            [new("browse_email", "journey_browse_reminder", "email", "Still thinking about {{ data.name | default: 'it' }}?", "<p>{{ data.name }} is still here for you.</p>")]),
        new("post_purchase_nps", "Post-purchase NPS", "A week after an order, the next weekday at 10:00 in the customer's zone, a request to rate us; at most once a month.",
            new JourneyDefinition(
                new JourneyEntryRule(JourneyEntryRule.OnEvent, "Order Completed"),
                [
                    Delay("wait_week", "7d", "weekday_morning"),
                    new JourneyNode("weekday_morning", JourneyNodeKinds.Delay, "Next weekday 10:00", Next: "nps_email", Until: new TimeOfDayDelay("10:00", ["mon", "tue", "wed", "thu", "fri"])),
                    Email("nps_email", "done"), Exit("done"),
                ],
                ReEntry: new ReEntryRule(ReEntryRule.Always, MinGap: "30d")),
            [new("nps_email", "journey_nps_request", "email", "How likely are you to recommend us?", "<p>On a scale of 0 to 10, how likely are you to recommend us to a friend?</p>")]),
        new("win_back", "Win-back after 90 days", "Ninety days after a customer's last order without another one, a win-back email, and two weeks later an offer; every order starts the wait again.",
            new JourneyDefinition(
                new JourneyEntryRule(JourneyEntryRule.OnEvent, "Order Completed"),
                [
                    new JourneyNode("wait_90d", JourneyNodeKinds.WaitEvent, "Another order within 90 days?", Next: "done", Event: "Order Completed", Timeout: "90d", OnTimeout: "win_back_email"),
                    Email("win_back_email", "wait_14d"),
                    new JourneyNode("wait_14d", JourneyNodeKinds.WaitEvent, "Ordered within 14 days?", Next: "done", Event: "Order Completed", Timeout: "14d", OnTimeout: "win_back_offer"),
                    Email("win_back_offer", "done"), Exit("done"),
                ],
                ReEntry: new ReEntryRule(ReEntryRule.Always),
                Goal: new ConversionGoal("Order Completed", "120d")),
            [
                new("win_back_email", "journey_win_back", "email", "We miss you", "<p>It has been a while. Here is what is new.</p>"),
                new("win_back_offer", "journey_win_back_offer", "email", "15% off to welcome you back", "<p>Use COMEBACK15 within the next week.</p>"),
            ]),
        new("birthday", "Birthday", "Every year on the customer's birthday (the birthday trait, YYYY-MM-DD) at 09:00 in their zone, a birthday email.",
            new JourneyDefinition(
                new JourneyEntryRule(JourneyEntryRule.OnEvent, "Signed Up"),
                [
                    new JourneyNode("has_birthday", JourneyNodeKinds.Branch, "Birthday known?", Next: "until_birthday", Condition: "trait.birthday exists", Else: "done"),
                    new JourneyNode("until_birthday", JourneyNodeKinds.Delay, "Until the birthday", Next: "birthday_email", UntilTrait: new TraitDateDelay("birthday", Anniversary: true, Time: "09:00")),
                    Email("birthday_email", "after_birthday"), Delay("after_birthday", "2d", "until_birthday"), Exit("done"),
                ],
                ReEntry: new ReEntryRule(ReEntryRule.Never)),
            [new("birthday_email", "journey_birthday", "email", "Happy birthday, {{ customer.first_name | default: 'friend' }}!", "<p>A little gift from us: BIRTHDAY20.</p>")]),
    ];

    public static ReadyJourney? Find(string key) => All.FirstOrDefault(j => j.Key == key);

    private static JourneyNode Email(string id, string? next = null) => new(id, JourneyNodeKinds.Message, Next: next, Channel: "email");

    private static JourneyNode Delay(string id, string duration, string next) => new(id, JourneyNodeKinds.Delay, Next: next, Duration: duration);

    private static JourneyNode WaitOrder(string id, string timeout, string onTimeout) =>
        new(id, JourneyNodeKinds.WaitEvent, "Order for this cart?", Next: "done", Event: "Order Completed", Match: ["cart_id"], Timeout: timeout, OnTimeout: onTimeout);

    private static JourneyNode Exit(string id) => new(id, JourneyNodeKinds.Exit);
}
