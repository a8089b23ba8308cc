namespace Kizuna.Workspaces;

/// <summary>The permissions a secret API key can carry.</summary>
public static class Scopes
{
    public const string ProfilesRead = "profiles:read";
    public const string ProfilesWrite = "profiles:write";
    public const string ProfilesDelete = "profiles:delete";
    public const string Import = "import";
    public const string ProductsRead = "products:read";
    public const string ProductsWrite = "products:write";
    public const string TemplatesRead = "templates:read";
    public const string TemplatesWrite = "templates:write";
    public const string SegmentsRead = "segments:read";
    public const string SegmentsWrite = "segments:write";

    /// <summary>Reads every metric and per-customer score; <see cref="AnalyticsManage"/> also starts a refresh.</summary>
    public const string AnalyticsRead = "analytics:read";
    public const string AnalyticsManage = "analytics:manage";

    /// <summary>Sends transactional messages (<c>POST /api/messages</c>).</summary>
    public const string MessagesSend = "messages:send";

    /// <summary>Reads messages, their states and history, and what the demo's catcher caught.</summary>
    public const string MessagesRead = "messages:read";
    public const string KeysManage = "keys:manage";
    public const string UsersManage = "users:manage";
    public const string WorkspacesManage = "workspaces:manage";

    /// <summary>Reads the cluster's background work: queue depths, feed lag, the workspace's dead jobs.</summary>
    public const string OperationsRead = "operations:read";

    /// <summary>Puts the workspace's dead jobs back in their queues.</summary>
    public const string OperationsManage = "operations:manage";

    /// <summary>Lets a secret key send tracking calls (<c>/v1</c>), which otherwise take write keys only.</summary>
    public const string EventsWrite = "events:write";

    /// <summary>Reads customers' subscription answers, the subscription groups, the messaging settings and the suppression list.</summary>
    public const string ConsentRead = "consent:read";

    /// <summary>Records a customer's subscription answers (<c>PUT /api/profiles/{id}/subscriptions</c>) and adds addresses to the suppression list.</summary>
    public const string ConsentWrite = "consent:write";

    /// <summary>Creates and changes subscription groups and the messaging settings (consent policy, caps, quiet hours, control group, tracking).</summary>
    public const string MessagingManage = "messaging:manage";

    /// <summary>Reads campaigns, their audience sizes and reports.</summary>
    public const string CampaignsRead = "campaigns:read";

    /// <summary>Creates, edits, launches, pauses, resumes and cancels campaigns, picks A/B winners and sends tests.</summary>
    public const string CampaignsWrite = "campaigns:write";

    /// <summary>Reads journeys, their versions, per-node counts and entries with their paths.</summary>
    public const string JourneysRead = "journeys:read";

    /// <summary>Creates and edits journeys, launches, pauses, resumes and archives them, and enters customers by API.</summary>
    public const string JourneysWrite = "journeys:write";

    public static readonly IReadOnlyList<string> All =
        [ProfilesRead, ProfilesWrite, ProfilesDelete, Import, ProductsRead, ProductsWrite, TemplatesRead, TemplatesWrite, SegmentsRead, SegmentsWrite, AnalyticsRead, AnalyticsManage, MessagesSend, MessagesRead, KeysManage, UsersManage, WorkspacesManage, OperationsRead, OperationsManage, EventsWrite,
         ConsentRead, ConsentWrite, MessagingManage,
         CampaignsRead, CampaignsWrite,
         JourneysRead, JourneysWrite];

    /// <summary>The scopes a dashboard role implies, so users and keys are authorised by one rule.</summary>
    public static IReadOnlyList<string> ForRole(Role role) => role switch
    {
        Role.Admin => All,
        Role.Marketer => [ProfilesRead, ProfilesWrite, Import, ProductsRead, ProductsWrite, TemplatesRead, TemplatesWrite, SegmentsRead, SegmentsWrite, AnalyticsRead, AnalyticsManage, MessagesSend, MessagesRead,
            ConsentRead, ConsentWrite, MessagingManage,
            CampaignsRead, CampaignsWrite,
            JourneysRead, JourneysWrite],
        Role.Agent => [ProfilesRead, ProfilesWrite, ProductsRead, TemplatesRead, SegmentsRead, AnalyticsRead, MessagesRead,
            ConsentRead, ConsentWrite,
            CampaignsRead,
            JourneysRead],
        _ => [ProfilesRead, ProductsRead, TemplatesRead, SegmentsRead, AnalyticsRead,
            ConsentRead,
            CampaignsRead,
            JourneysRead],
    };

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
