namespace Kizuna.Server.Workspaces;

public static class InvitationsExtensions
{
    /// <summary>Invitation links (signed with the deployment's Data Protection keys) and their lifetime.</summary>
    public static IServiceCollection AddKizunaInvitations(this IServiceCollection services)
    {
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InvitationLinks>();
        return services;
    }
}
