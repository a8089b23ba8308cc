using System.Globalization;
using Microsoft.Extensions.Options;

namespace Kizuna.Server.Cli;

public static class ConfigurationExtensions
{
    /// <summary>Layers the command line's friendly flags over appsettings and <c>KIZUNA_</c> environment variables.</summary>
    public static WebApplicationBuilder AddKizunaConfiguration(this WebApplicationBuilder builder, KizunaCommand command)
    {
        if (command.Verb == "demo")
        {
            // The demo's email goes to the SMTP catcher inside the server, where the API and dashboard show it.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Messaging:Email:UseCatcher"] = "true" });

            // Its texts, pushes and webhooks go to the catchers of those channels, shown beside the caught emails.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Messaging:Sms:UseCatcher"] = "true",
                ["Messaging:Push:UseCatcher"] = "true",
                ["Messaging:Webhook:UseCatcher"] = "true",
            });
        }

        builder.Configuration.AddEnvironmentVariables("KIZUNA_");
        builder.Configuration.AddInMemoryCollection(command.Settings);
        if (builder.Configuration["Kestrel:Port"] is { } text && builder.Configuration["urls"] is null)
        {
            // --port is checked as it is parsed; the same key from the environment or --Kestrel:Port is checked here.
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65_535)
            {
                throw new OptionsValidationException("Kestrel:Port", typeof(int), [$"Kestrel:Port is '{text}', which is not a port number from 1 to 65535."]);
            }

            builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://localhost:{port}"));
        }

        return builder;
    }
}
