using Kizuna;
using Kizuna.Campaigns;
using Kizuna.Demo;
using Kizuna.Imports;
using Kizuna.Journeys;
using Kizuna.Messaging;
using Kizuna.Server;
using Kizuna.Server.Analytics;
using Kizuna.Server.Campaigns;
using Kizuna.Server.Cli;
using Kizuna.Server.Commerce;
using Kizuna.Server.Dashboard;
using Kizuna.Server.Health;
using Kizuna.Server.Imports;
using Kizuna.Server.Ingestion;
using Kizuna.Server.Journeys;
using Kizuna.Server.Messaging;
using Kizuna.Server.Messaging.Consent;
using Kizuna.Server.Messaging.Export;
using Kizuna.Server.Messaging.InApp;
using Kizuna.Server.Messaging.Suppressions;
using Kizuna.Server.Operations;
using Kizuna.Server.Profiles;
using Kizuna.Server.Security;
using Kizuna.Server.Segments;
using Kizuna.Server.Templates;
using Kizuna.Server.Workspaces;
using Kizuna.Templates;
using Kizuna.Workspaces;

var command = KizunaCommand.Parse(args);
if (command.ExitCode is { } answered)
{
    return answered;   // help, version or a refused command line: answered without building the application
}

return await command.RunAsync(Build);

// The application a verb runs on; options refused while it is built are answered by the command like any other.
static WebApplication Build(KizunaCommand command)
{
    // appsettings.json and wwwroot sit beside the executable, wherever it is started from.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command.HostArgs, ContentRootPath = AppContext.BaseDirectory });
    builder.AddKizunaConfiguration(command);

    builder.Services.AddKizunaCore();
    builder.Services.AddKizunaTemplates(builder.Configuration);
    builder.Services.AddKizunaImports();
    builder.Services.AddKizunaMessaging();
    builder.Services.AddKizunaCampaigns();
    builder.Services.AddKizunaJourneys();
    builder.Services.AddKizunaDemo();
    if (command.Verb == "demo")
    {
        builder.Services.AddKizunaDemoClock();
    }

    builder.Services.AddKizunaSecurity(builder.Configuration);
    builder.Services.AddKizunaInvitations();
    builder.Services.AddKizunaOpenApi();
    builder.Services.AddKizunaProblems();
    builder.Services.AddKizunaIngestionApi();
    builder.Services.AddKizunaDashboard();
    builder.Services.AddKizunaHealth();
    builder.Services.AddKizunaInAppClientApi();

    var app = builder.Build();

    app.UseKizunaProblems();
    app.UseCors();
    app.UseKizunaSecurity();
    app.MapKizunaOpenApi();
    app.MapHealthApi();
    app.MapIngestionApi();
    app.MapProfilesApi();
    app.MapProductsApi();
    app.MapKeysApi();
    app.MapWorkspacesApi();
    app.MapUsersApi();
    app.MapInvitationsApi();
    app.MapTemplatesApi().RequireScope(Scopes.TemplatesRead);
    app.MapImportsApi();
    app.MapOperationsApi();
    app.MapAnalyticsApi();
    app.MapMessagesApi();
    app.MapSmsReceiptsApi();
    app.MapPushDevicesApi();
    app.MapConsentApi();
    app.MapConsentPages();
    app.MapWebhookEndpointsApi();
    app.MapScoresApi();
    app.MapSegmentsApi();
    app.MapMessageLogApi();
    app.MapTestSendApi();
    app.MapWebViewPage();
    app.MapChannelTestApi();
    app.MapInAppClientApi();
    app.MapIdentityVerificationApi();
    app.MapSuppressionsApi();
    app.MapDemoSitePage();
    app.MapCampaignsApi();
    app.MapJourneysApi();
    app.MapKizunaDashboard();
    return app;
}

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
