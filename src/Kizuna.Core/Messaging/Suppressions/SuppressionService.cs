using System.Globalization;
using System.Text.Json.Nodes;
using Kizuna.Messaging.Consent;
using Kizuna.Messaging.Tracking;
using Kizuna.Profiles;

namespace Kizuna.Messaging.Suppressions;

/// <summary>
/// Adds addresses to a workspace's suppression list from outside the send loop: a provider's bounce or complaint
/// webhook, an ESP's export, an operator. An email address is tied to the profile that has it, so erasing that profile
/// removes the entry. A complaint also unsubscribes that profile from marketing email and records
/// <c>Email Complained</c> on it, as a spam report is the strongest "no" a customer can give.
/// </summary>
public sealed class SuppressionService(SuppressionStore store, ProfileService profiles, ConsentService consent, EngagementEvents events, TimeProvider time)
{
    public const string ComplainedEvent = "Email Complained";

    /// <summary>Lists the addresses (in their listed form) and answers the ones that were not listed before.</summary>
    public async Task<IReadOnlyList<SuppressedAddress>> AddAsync(long workspaceId, IReadOnlyList<SuppressionRequest> requests, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var entries = new List<SuppressedAddress>();
        foreach (var request in requests)
        {
            var profileId = request.Channel == MessageChannel.Email
                ? await profiles.ResolveAsync(workspaceId, new ProfileLookup(ProfileLookupKind.Email, request.Address), ct) ?? 0
                : 0;
            entries.Add(new SuppressedAddress(request.Channel, request.Address, request.Reason, profileId, null, request.Note, now));
        }

        var added = await store.AddAsync(workspaceId, entries, ct);
        foreach (var complaint in entries.Where(e => e.Reason == SuppressionReasons.Complaint && e.Channel == MessageChannel.Email && e.ProfileId > 0))
        {
            await consent.ApplyAsync(workspaceId, complaint.ProfileId, [new ConsentChange(MessageChannel.Email, null, SubscriptionState.Unsubscribed, SuppressionReasons.Complaint, now)], ct);
        }

        // Recorded once per listing: a request sent again finds the address listed and records nothing more.
        await events.RecordAsync([.. added.Where(e => e.Reason == SuppressionReasons.Complaint && e.Channel == MessageChannel.Email && e.ProfileId > 0).Select(e => new ProfileEvent(
            workspaceId, e.ProfileId, ComplainedEvent,
            $"kizuna-complaint-{e.ProfileId.ToString(CultureInfo.InvariantCulture)}-{Storage.Epoch.ToMs(e.CreatedAt).ToString(CultureInfo.InvariantCulture)}",
            new JsonObject { ["channel"] = "email", ["source"] = "api" },
            now))], ct);
        return added;
    }
}
