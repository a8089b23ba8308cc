using Microsoft.Extensions.DependencyInjection;

namespace Kizuna.Workspaces;

public static class WorkspacesServiceCollectionExtensions
{
    public static IServiceCollection AddKizunaWorkspaces(this IServiceCollection services)
    {
        services.AddSingleton<WorkspaceService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<UserService>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<UserTimeZones>();
        return services;
    }
}
