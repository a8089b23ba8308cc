using System.Net;
using System.Net.Http.Json;
using Kizuna.Server.Messaging;
using Microsoft.Extensions.DependencyInjection;
using static Kizuna.Server.Journeys.JourneysTestData;

namespace Kizuna.Server.Journeys;

/// <summary>
/// The ready-made abandoned-cart journey through the HTTP ingestion API and the SMTP server on loopback, under a fake
/// clock: a checkout without its order gets the email with the cart's items after an hour and the SMS offer a day
/// later; a checkout whose order comes within the hour gets nothing; an order between the email and the offer stops
/// the offer. An order for another cart changes nothing.
/// </summary>
public sealed class AbandonedCartEndToEndTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 7, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task AbandonedCart_CheckoutsWithAndWithoutOrders_EmailTheCartOnlyWhenNoOrderAndStopTheOfferOnPurchase(string engine)
    {
        await using var journeys = await JourneyHost.StartAsync(engine, Start);
        var (time, host, admin, site, _) = journeys;

        var started = await admin.PostAsJsonAsync("/api/journeys/templates/abandoned_cart", new StartJourneyRequest(null), Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var journey = (await started.Content.ReadFromJsonAsync<JourneyResponse>(Ct))!;
        (await admin.PostAsync($"/api/journeys/{journey.Id}/launch", null, Ct)).EnsureSuccessStatusCode();

        var users = new[] { "abandons", "buys", "buys-late" };
        var ids = new Dictionary<string, long>();
        foreach (var user in users)
        {
            await IdentifyAsync(site, user, new { email = $"{user}@example.com", phone = "+14155552671" });
            ids[user] = await ProfileIdAsync(admin, user);
        }

        await TrackAsync(site, "abandons", "Checkout Started", new
        {
            cart_id = "cart-1",
            currency = "EUR",
            products = new object[] { new { product_id = "p1", name = "Sencha Kabuse", price = 12.5m, quantity = 2 }, new { product_id = "p2", name = "Matcha whisk", price = 20m, quantity = 1 } },
        });
        await TrackAsync(site, "buys", "Checkout Started", new { cart_id = "cart-2", products = new object[] { new { product_id = "p3", name = "Hojicha", price = 9m, quantity = 1 } } });
        await TrackAsync(site, "buys-late", "Checkout Started", new { cart_id = "cart-3", products = new object[] { new { product_id = "p4", name = "Gyokuro", price = 30m, quantity = 1 } } });
        foreach (var user in users)
        {
            await WaitForEntriesAsync(host.Services, admin, ids[user], journey.Id, e => e.Count == 1 && e[0].State == "waiting" && e[0].Node == "wait_order", $"{user} waits for the order");
        }

        // Within the hour: an order for another cart leaves the first customer's entry alone; the second one's own order ends it.
        time.Advance(TimeSpan.FromMinutes(20));
        await TrackAsync(site, "abandons", "Order Completed", new { order_id = "o-other", cart_id = "cart-9", total = 5m, currency = "EUR" });
        await TrackAsync(site, "buys", "Order Completed", new { order_id = "o-2", cart_id = "cart-2", total = 9m, currency = "EUR" });
        var bought = await WaitForEntriesAsync(host.Services, admin, ids["buys"], journey.Id, e => e.Count == 1 && e[0].State == "exited", "the order ends the second entry");
        Assert.DoesNotContain(bought[0].Path, s => s.MessageId is not null);

        // An hour after the checkout: the cart email, with the items, to the two customers without their order.
        time.SetUtcNow(Start + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        foreach (var user in new[] { "abandons", "buys-late" })
        {
            var waiting = await WaitForEntriesAsync(host.Services, admin, ids[user], journey.Id, e => e[0].State == "waiting" && e[0].Node == "wait_offer", $"{user} waits for the offer");
            await MessagingApi.WaitForStateAsync(admin, waiting[0].Path.Single(s => s.Node == "cart_email").MessageId!.Value, "sent");
        }

        var caught = await WaitForCaughtAsync(admin, 2);
        Assert.Equal(2, caught.Count);
        var email = Assert.Single(caught, m => m.RcptTo.Contains("abandons@example.com"));
        Assert.Contains("Sencha Kabuse × 2", email.Html, StringComparison.Ordinal);
        Assert.Contains("Matcha whisk × 1", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Gyokuro", email.Html, StringComparison.Ordinal);
        Assert.Contains("Gyokuro × 1", Assert.Single(caught, m => m.RcptTo.Contains("buys-late@example.com")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(caught, m => m.RcptTo.Contains("buys@example.com"));

        // Between the email and the offer, the third customer orders that cart: no offer for them; the first gets it.
        time.Advance(TimeSpan.FromHours(2));
        await TrackAsync(site, "buys-late", "Order Completed", new { order_id = "o-3", cart_id = "cart-3", total = 30m, currency = "EUR" });
        await WaitForEntriesAsync(host.Services, admin, ids["buys-late"], journey.Id, e => e[0].State == "exited", "the order ends the third entry");
        time.SetUtcNow(Start + TimeSpan.FromHours(26));
        var abandoned = await WaitForEntriesAsync(host.Services, admin, ids["abandons"], journey.Id, e => e[0].State == "exited" && e[0].Node == "done", "the first entry ends after the offer");
        Assert.Equal(
            ["wait_order:waiting", "wait_order:timed_out", "cart_email:sent", "wait_offer:waiting", "wait_offer:timed_out", "offer_sms:sent", "done:exited"],
            abandoned[0].Path.Select(s => $"{s.Node}:{s.Outcome}"));
        var offer = (await admin.GetFromJsonAsync<MessageResponse>($"/api/messages/{abandoned[0].Path.Single(s => s.Node == "offer_sms").MessageId}", Ct))!;
        Assert.Equal(("sms", "+14155552671"), (offer.Channel, offer.Recipient));

        var late = (await admin.GetFromJsonAsync<List<JourneyEntryResponse>>($"/api/profiles/{ids["buys-late"]}/journeys", Ct))!.Single();
        Assert.Equal("exit: Order Completed", late.ExitReason);
        Assert.Equal(1, late.Path.Count(s => s.MessageId is not null));
        Assert.Equal(2, (await admin.GetFromJsonAsync<CaughtMessagesResponse>("/api/messages/caught", Ct))!.Messages.Count);
    }
}
