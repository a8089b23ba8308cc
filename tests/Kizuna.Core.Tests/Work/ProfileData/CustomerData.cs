using Dapper;
using Kizuna.Ingestion;
using Kizuna.Profiles;
using Kizuna.Storage;
using Microsoft.Extensions.Options;
using static Kizuna.Ingestion.Messages;

namespace Kizuna.Work.ProfileData;

/// <summary>
/// A customer with rows in every table Kizuna.Core registers: an anonymous visit (events, a club membership) merged
/// into the identified profile, which has traits, a computed value, a segment membership, a sent message, an email answer, a bounced address, a journey entry with its step, an order with a line, spend and a membership of a shared account.
/// </summary>
internal static class CustomerData
{
    public static IngestStore Ingest(TestStore store, ProfileDataRegistry? registry = null) =>
        new(store.Database, Options.Create(new IngestionOptions()), registry ?? CoreProfileData.Registry, TimeProvider.System);

    public static async Task<long> WriteAsync(IngestStore ingest, TestStore store, long ws, string user, CancellationToken ct)
    {
        var device = $"{user}-device";
        await ingest.WriteAsync([new IngestBatch(ws, [Page(null, device, T0), Group(null, device, $"{user}-club", """{"name":"Club"}""", T0.AddMinutes(1))])], ct);
        await ingest.WriteAsync([new IngestBatch(ws, [
            Identify(user, null, $$"""{"email":"{{user}}@example.com"}""", T0.AddMinutes(2)),
            Order(user, $"{user}-o1", 1200, T0.AddMinutes(3)),
            Group(user, null, "shared", """{"name":"Shared"}""", T0.AddMinutes(4)),
            Track(user, device, "Product Viewed", T0.AddMinutes(5)),
        ])], ct);
        var id = (await new ProfileService(store.Database).ResolveAsync(ws, new ProfileLookup(ProfileLookupKind.UserId, user), ct))!.Value;
        await using var connection = await store.Database.OpenAsync(ct);
        await connection.ExecuteAsync(
            "INSERT INTO profile_values (workspace_id, profile_id, name, number_value, text_value, computed_at) VALUES (@ws, @id, 'tier', NULL, 'gold', 0)",
            new { ws, id });
        await connection.ExecuteAsync(
            """
            INSERT INTO customer_scores (workspace_id, profile_id, rfm_recency, rfm_frequency, rfm_monetary, rfm_score, rfm_segment,
                predicted_clv, p_alive, expected_purchases, churn_risk, computed_at)
            VALUES (@ws, @id, 5, 1, 2, '512', 'New', 1234.5, 0.9, 1.5, 0.1, 0)
            """,
            new { ws, id });
        await connection.ExecuteAsync(
            "INSERT INTO segment_members (workspace_id, segment_id, profile_id, entered_at) VALUES (@ws, 1, @id, 0)", new { ws, id });
        await connection.ExecuteAsync(
            "INSERT INTO segment_transitions (workspace_id, segment_id, seq, profile_id, kind, cause, at) VALUES (@ws, 1, @id, @id, 'in', 'r1', 0)", new { ws, id });
        var message = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO messages (workspace_id, profile_id, channel, source, idempotency_key, template_id, template_version,
                                  recipient, data, transactional, state, attempts, created_at, updated_at, sent_at)
            VALUES (@ws, @id, 'email', 'api', @key, 1, 1, @address, '{"order":"o1"}', 1, 'sent', 1, 0, 0, 0) RETURNING id
            """,
            new { ws, id, key = $"api:{user}", address = $"{user}@example.com" });
        await connection.ExecuteAsync(
            "INSERT INTO message_history (workspace_id, profile_id, message_id, at, state, detail) VALUES (@ws, @id, @message, 0, 'sent', NULL)",
            new { ws, id, message });
        await connection.ExecuteAsync(
            "INSERT INTO push_devices (workspace_id, profile_id, token, platform, created_at, updated_at) VALUES (@ws, @id, @token, 'ios', 0, 0)",
            new { ws, id, token = $"fcm-{user}" });
        await connection.ExecuteAsync(
            "INSERT INTO subscriptions (workspace_id, profile_id, channel, group_id, state, source, changed_at) VALUES (@ws, @id, 'email', 0, 'unsubscribed', 'one_click', 0)",
            new { ws, id });
        await connection.ExecuteAsync(
            """
            INSERT INTO in_app_items (workspace_id, profile_id, message_id, channel, template_id, template_version, content, pinned, created_at, seen_at)
            VALUES (@ws, @id, @message, 'content_card', 1, 1, '{"title":"Points","text":"Double points"}', 1, 0, 0)
            """,
            new { ws, id, message });
        await connection.ExecuteAsync(
            "INSERT INTO suppressed_addresses (workspace_id, channel, address, reason, profile_id, message_id, detail, created_at) VALUES (@ws, 'email', @address, 'bounce', @id, @message, '550', 0)",
            new { ws, id, message, address = $"{user}@bounced.example.com" });
        await connection.ExecuteAsync(
            "INSERT INTO campaign_recipients (workspace_id, campaign_id, run, profile_id, variant, status, due_at, message_id) VALUES (@ws, 1, 1, @id, 0, 'queued', 0, @message)",
            new { ws, id, message });
        var entry = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO journey_entries (workspace_id, profile_id, journey_id, version, entry_key, state, node, seq, wait_until, entry_event,
                                         entry_data, vars, entered_at, updated_at)
            VALUES (@ws, @id, 1, 1, @key, 'waiting', 'wait_order', 1, 3600000, 'Checkout Started', '{"cart_id":"c1"}', NULL, 0, 0) RETURNING id
            """,
            new { ws, id, key = $"event:{user}-checkout" });
        await connection.ExecuteAsync(
            "INSERT INTO journey_steps (workspace_id, entry_id, seq, profile_id, journey_id, node, at, outcome, message_id) VALUES (@ws, @entry, 1, @id, 1, 'wait_order', 0, 'waiting', NULL)",
            new { ws, id, entry });
        return id;
    }
}
