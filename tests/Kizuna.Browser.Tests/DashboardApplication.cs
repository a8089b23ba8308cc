using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Browser;

/// <summary>The real kizuna host on Kestrel, on a free loopback port, with its data in a temporary folder.</summary>
public sealed class DashboardApplication(string dataDirectory, string adminPassword, TimeProvider clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "sqlite");
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
        builder.UseSetting("Setup:AdminPassword", adminPassword);
        // The event archive runs, so the operations page has a change feed consumer to show.
        builder.UseSetting("Archive:Folder", Path.Combine(dataDirectory, "archive"));
        // A refresh asked for on the analytics page runs a second later, not at the end of a 30-second window.
        builder.UseSetting("Analytics:Scores:CoalesceWindow", "00:00:01");
        // Every channel delivers to the catchers inside the server, as in the demo, so the messaging pages show what was sent.
        builder.UseSetting("Messaging:Email:UseCatcher", "true");
        builder.UseSetting("Messaging:Email:CatcherPort", "0");
        builder.UseSetting("Messaging:Sms:UseCatcher", "true");
        builder.UseSetting("Messaging:Push:UseCatcher", "true");
        builder.UseSetting("Messaging:Webhook:UseCatcher", "true");
        // The system's clock, which a test may move ahead to let journey timers come due.
        builder.ConfigureServices(s => s.AddSingleton(clock));
    }
}
