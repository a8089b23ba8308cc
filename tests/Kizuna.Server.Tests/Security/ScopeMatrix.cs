using Kizuna.Workspaces;

namespace Kizuna.Server.Security;

/// <summary>
/// What every <c>/api</c> and <c>/v1</c> endpoint requires, written out by hand: the scopes a key or role must hold
/// (all of them), or <see cref="Ingest"/> for the tracking API. <see cref="ScopeMatrixTests"/> checks this list
/// against the endpoints the server actually maps, so an endpoint added without an entry fails the build's tests.
/// </summary>
public static class ScopeMatrix
{
    /// <summary>The ingestion scope a secret key needs to send data; write keys always may.</summary>
    public const string EventsWrite = "events:write";

    /// <summary>Marks a tracking endpoint: a write key, or a secret key holding <see cref="EventsWrite"/>.</summary>
    public static readonly string[] Ingest = ["(ingest)"];

    public static readonly IReadOnlyDictionary<string, string[]> Required = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["GET /api/profiles"] = [Scopes.ProfilesRead],
        ["GET /api/profiles/{id}"] = [Scopes.ProfilesRead],
        ["GET /api/profiles/by-user/{userId}"] = [Scopes.ProfilesRead],
        ["GET /api/profiles/by-anonymous/{anonymousId}"] = [Scopes.ProfilesRead],
        ["GET /api/profiles/by-email/{email}"] = [Scopes.ProfilesRead],
        ["GET /api/profiles/{id}/events"] = [Scopes.ProfilesRead],
        ["GET /api/profiles/{id}/orders"] = [Scopes.ProfilesRead],
        ["GET /api/profiles/{id}/refunds"] = [Scopes.ProfilesRead],
        ["GET /api/profiles/{id}/export"] = [Scopes.ProfilesRead],
        ["DELETE /api/profiles/{id}"] = [Scopes.ProfilesDelete],
        ["PUT /api/products"] = [Scopes.ProductsWrite],
        ["GET /api/products"] = [Scopes.ProductsRead],
        ["GET /api/products/{productId}"] = [Scopes.ProductsRead],
        ["POST /api/keys"] = [Scopes.KeysManage],
        ["GET /api/keys"] = [Scopes.KeysManage],
        ["DELETE /api/keys/{id}"] = [Scopes.KeysManage],
        ["POST /api/workspaces"] = [Scopes.WorkspacesManage],
        ["GET /api/workspaces"] = [Scopes.ProfilesRead],
        ["GET /api/users"] = [Scopes.UsersManage],
        ["PUT /api/users/{id}/role"] = [Scopes.UsersManage],
        ["DELETE /api/users/{id}"] = [Scopes.UsersManage],
        ["POST /api/invitations"] = [Scopes.UsersManage],
        ["GET /api/invitations"] = [Scopes.UsersManage],
        ["DELETE /api/invitations/{id}"] = [Scopes.UsersManage],
        ["GET /api/templates"] = [Scopes.TemplatesRead],
        ["POST /api/templates"] = [Scopes.TemplatesRead, Scopes.TemplatesWrite],
        ["GET /api/templates/{id}"] = [Scopes.TemplatesRead],
        ["PUT /api/templates/{id}"] = [Scopes.TemplatesRead, Scopes.TemplatesWrite],
        ["GET /api/templates/{id}/versions"] = [Scopes.TemplatesRead],
        ["GET /api/templates/{id}/versions/{version}"] = [Scopes.TemplatesRead],
        ["POST /api/templates/{id}/render"] = [Scopes.TemplatesRead],
        ["POST /api/templates/validate"] = [Scopes.TemplatesRead],
        ["POST /api/templates/preview"] = [Scopes.TemplatesRead],
        ["POST /api/imports"] = [Scopes.Import],
        ["GET /api/imports/{id}"] = [Scopes.Import],
        ["GET /api/imports"] = [Scopes.Import],
        ["GET /api/operations"] = [Scopes.OperationsRead],
        ["GET /api/operations/dead-jobs"] = [Scopes.OperationsRead],
        ["POST /api/operations/dead-jobs/{id}/retry"] = [Scopes.OperationsManage],
        ["GET /api/analytics/commerce"] = [Scopes.AnalyticsRead],
        ["GET /api/analytics/nps"] = [Scopes.AnalyticsRead],
        ["GET /api/analytics/engagement"] = [Scopes.AnalyticsRead],
        ["GET /api/analytics/cohorts"] = [Scopes.AnalyticsRead],
        ["GET /api/analytics/slices"] = [Scopes.AnalyticsRead],
        ["GET /api/analytics/members"] = [Scopes.AnalyticsRead],
        ["GET /api/analytics/baskets"] = [Scopes.AnalyticsRead],
        ["POST /api/messages"] = [Scopes.MessagesSend],
        ["GET /api/messages/{id}"] = [Scopes.MessagesRead],
        ["GET /api/messages/caught"] = [Scopes.MessagesRead],
        ["POST /api/messages/preview"] = [Scopes.TemplatesRead],
        ["GET /api/messages/caught/{channel}"] = [Scopes.MessagesRead],
        ["GET /api/profiles/{id}/devices"] = [Scopes.ProfilesRead],
        ["POST /api/profiles/{id}/devices"] = [Scopes.ProfilesWrite],
        ["GET /api/analytics/scores/customers/{id}"] = [Scopes.AnalyticsRead],
        ["GET /api/analytics/scores/rfm"] = [Scopes.AnalyticsRead],
        ["GET /api/analytics/scores/clv"] = [Scopes.AnalyticsRead],
        ["POST /api/analytics/scores/refresh"] = [Scopes.AnalyticsManage],
        ["GET /api/segments"] = [Scopes.SegmentsRead],
        ["POST /api/segments"] = [Scopes.SegmentsRead, Scopes.SegmentsWrite],
        ["GET /api/segments/{id}"] = [Scopes.SegmentsRead],
        ["PUT /api/segments/{id}"] = [Scopes.SegmentsRead, Scopes.SegmentsWrite],
        ["DELETE /api/segments/{id}"] = [Scopes.SegmentsRead, Scopes.SegmentsWrite],
        ["GET /api/segments/{id}/versions"] = [Scopes.SegmentsRead],
        ["POST /api/segments/{id}/recompute"] = [Scopes.SegmentsRead, Scopes.SegmentsWrite],
        ["GET /api/segments/{id}/members"] = [Scopes.SegmentsRead, Scopes.ProfilesRead],
        ["GET /api/segments/{id}/members.csv"] = [Scopes.SegmentsRead, Scopes.ProfilesRead],
        ["GET /api/segments/{id}/sizes"] = [Scopes.SegmentsRead],
        ["POST /api/segments/validate"] = [Scopes.SegmentsRead],
        ["POST /api/segments/preview"] = [Scopes.SegmentsRead, Scopes.ProfilesRead],
        ["GET /api/profiles/{id}/segments"] = [Scopes.ProfilesRead, Scopes.SegmentsRead],
        ["POST /v1/identify"] = Ingest,
        ["POST /v1/i"] = Ingest,
        ["POST /v1/track"] = Ingest,
        ["POST /v1/t"] = Ingest,
        ["POST /v1/page"] = Ingest,
        ["POST /v1/p"] = Ingest,
        ["POST /v1/screen"] = Ingest,
        ["POST /v1/s"] = Ingest,
        ["POST /v1/group"] = Ingest,
        ["POST /v1/g"] = Ingest,
        ["POST /v1/alias"] = Ingest,
        ["POST /v1/a"] = Ingest,
        ["POST /v1/batch"] = Ingest,
        ["POST /v1/b"] = Ingest,
        ["POST /v1/import"] = Ingest,
    };
}
