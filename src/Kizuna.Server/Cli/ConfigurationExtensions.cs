using System.Globalization;

namespace Kizuna.Server.Cli;

public static class ConfigurationExtensions
{
    /// <summary>Layers the command line's friendly flags over appsettings and <c>KIZUNA_</c> environment variables.</summary>
    public static WebApplicationBuilder AddKizunaConfiguration(this WebApplicationBuilder builder, KizunaCommand command)
    {
        builder.Configuration.AddEnvironmentVariables("KIZUNA_");
        builder.Configuration.AddInMemoryCollection(command.Settings);
        if (builder.Configuration["Kestrel:Port"] is { } port && builder.Configuration["urls"] is null)
        {
            builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://localhost:{int.Parse(port, CultureInfo.InvariantCulture)}"));
        }

        return builder;
    }
}
