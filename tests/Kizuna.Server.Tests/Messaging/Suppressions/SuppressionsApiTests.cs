using System.Net;
using System.Net.Http.Json;
using Kizuna.Messaging.Outbox;
using Kizuna.Server.Messaging.Consent;

namespace Kizuna.Server.Messaging.Suppressions;

/// <summary>The suppression list through the real server: adding, listing, removing, refusals, and what a complaint does.</summary>
public sealed class SuppressionsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Suppressions_AddListAndRemove_KeepTheGoodEntriesAndNameTheBadOnes(string engine)
    {
        await using var server = await ConsentServer.StartAsync(engine);

        var added = await server.Admin.PostAsJsonAsync("/api/suppressions", new
        {
            entries = new object?[]
            {
                new { channel = "email", address = " Ann@Example.com ", reason = "bounce", note = "5.1.1" },
                new { channel = "sms", address = "+81 90 1234 5678", reason = "manual" },
                new { channel = "email", address = "not an address", reason = "bounce" },
                new { channel = "email", address = "bo@example.com", reason = "spam" },
                new { channel = "push", address = "token", reason = "manual" },
            },
        }, Ct);
        var again = await server.Admin.PostAsJsonAsync("/api/suppressions", new { entries = new[] { new { channel = "email", address = "ann@example.com", reason = "manual" } } }, Ct);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var result = (await added.Content.ReadFromJsonAsync<AddSuppressionsResponse>(Ct))!;
        Assert.Equal([("email", "ann@example.com", "bounce", "5.1.1"), ("sms", "+819012345678", "manual", null)], result.Added.Select(a => (a.Channel, a.Address, a.Reason, a.Detail)));
        Assert.Equal([(2, "entries[2].address"), (3, "entries[3].reason"), (4, "entries[4].channel")], result.Failed.Select(f => (f.Index, f.Field)));
        var kept = Assert.Single((await again.Content.ReadFromJsonAsync<AddSuppressionsResponse>(Ct))!.AlreadyListed);
        Assert.Equal("bounce", kept.Reason);

        var emails = (await server.Admin.GetFromJsonAsync<SuppressionsPageResponse>("/api/suppressions?channel=email", Ct))!;
        var manual = (await server.Admin.GetFromJsonAsync<SuppressionsPageResponse>("/api/suppressions?reason=manual", Ct))!;
        var first = (await server.Admin.GetFromJsonAsync<SuppressionsPageResponse>("/api/suppressions?limit=1", Ct))!;
        var second = (await server.Admin.GetFromJsonAsync<SuppressionsPageResponse>($"/api/suppressions?limit=1&after={Uri.EscapeDataString(first.Next!)}", Ct))!;
        Assert.Equal("ann@example.com", Assert.Single(emails.Items).Address);
        Assert.Equal("+819012345678", Assert.Single(manual.Items).Address);
        Assert.Equal(("ann@example.com", "+819012345678"), (Assert.Single(first.Items).Address, Assert.Single(second.Items).Address));

        Assert.Equal(HttpStatusCode.NoContent, (await server.Admin.DeleteAsync("/api/suppressions/email/ANN@example.com", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Admin.DeleteAsync("/api/suppressions/email/ann@example.com", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Admin.DeleteAsync($"/api/suppressions/sms/{Uri.EscapeDataString("+819012345678")}", Ct)).StatusCode);
        Assert.Empty((await server.Admin.GetFromJsonAsync<SuppressionsPageResponse>("/api/suppressions", Ct))!.Items);
    }

    [Fact]
    public async Task Suppressions_BadInput_Is400NamingTheField()
    {
        await using var server = await ConsentServer.StartAsync();

        var allBad = await server.Admin.PostAsJsonAsync("/api/suppressions", new { entries = new[] { new { channel = "email", address = "x", reason = "bounce" } } }, Ct);
        var none = await server.Admin.PostAsJsonAsync("/api/suppressions", new { entries = Array.Empty<object>() }, Ct);
        var badChannel = await server.Admin.GetAsync("/api/suppressions?channel=fax", Ct);
        var badReason = await server.Admin.GetAsync("/api/suppressions?reason=spam", Ct);
        var badCursor = await server.Admin.GetAsync("/api/suppressions?after=nowhere", Ct);
        var badLimit = await server.Admin.GetAsync("/api/suppressions?limit=0", Ct);
        var badDelete = await server.Admin.DeleteAsync("/api/suppressions/push/token", Ct);
        var badAddress = await server.Admin.DeleteAsync("/api/suppressions/sms/12", Ct);

        Assert.Equal(
            ["entries[0].address", "entries", "channel", "reason", "after", "limit", "channel", "address"],
            await Task.WhenAll(new[] { allBad, none, badChannel, badReason, badCursor, badLimit, badDelete, badAddress }.Select(FieldAsync)));
    }

    [Theory]
    [MemberData(nameof(KizunaApplication.Engines), MemberType = typeof(KizunaApplication))]
    public async Task Complaint_AddedThroughTheApi_UnsubscribesFromMarketingRecordsEmailComplainedAndBlocksTransactional(string engine)
    {
        await using var server = await ConsentServer.StartAsync(engine);
        var profile = await server.CustomerAsync("u-c1", "mei@example.com");
        var template = await server.TemplateAsync("<p>Hi</p>");

        var response = await server.Admin.PostAsJsonAsync("/api/suppressions", new { entries = new[] { new { channel = "email", address = "MEI@example.com", reason = "complaint" } } }, Ct);

        var entry = Assert.Single((await response.Content.ReadFromJsonAsync<AddSuppressionsResponse>(Ct))!.Added);
        Assert.Equal(profile, entry.ProfileId);
        var email = (await server.SubscriptionsAsync(profile)).Channels.Single(c => c.Channel == "email");
        Assert.Equal(("unsubscribed", "complaint"), (email.State, email.Source));
        var timeline = await server.TimelineAsync(profile);
        Assert.Single(timeline, e => e.Name == "Email Complained");
        Assert.Single(timeline, e => e.Name == "Unsubscribed");
        var receipt = await server.SendAsync(template, "u-c1", "suppressed", transactional: true);
        var history = await server.App.Service<OutboxStore>().HistoryAsync(server.Workspace.Id, receipt.Id, Ct);
        Assert.Equal("The address is on the suppression list (complaint).", history.Single(h => h.State == OutboxState.Suppressed).Detail);
    }

    private static async Task<string> FieldAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Ct);
        return Assert.Single(problem!.Errors).Key;
    }
}
