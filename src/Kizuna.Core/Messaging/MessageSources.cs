using System.Globalization;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging;

/// <summary>
/// Where a message came from, as its <c>source</c>. A test send is transactional (so consent, caps, quiet hours and the
/// control group let it through and frequency caps never count it), records no <c>Sent</c> event on the profile and
/// is never tracked, so a template's author can try it without touching the customer's history or the open rates.
/// </summary>
public static class MessageSources
{
    /// <summary>The transactional API.</summary>
    public const string Api = "api";

    /// <summary>A test send from the template editor or <c>POST /api/templates/{id}/test</c>.</summary>
    public const string Test = "test";

    public static bool IsTest(OutboxMessage message) => message.Source == Test;

    /// <summary>The source of a campaign's message: <c>campaign:&lt;id&gt;:variant:&lt;index&gt;</c>.</summary>
    public static string Campaign(long campaignId, int variant) =>
        string.Create(CultureInfo.InvariantCulture, $"campaign:{campaignId}:variant:{variant}");

    /// <summary>
    /// The campaign and variant a message's source names, in exactly the form <see cref="Campaign"/> writes; null for
    /// any other source (a caller's own <c>campaign:1</c> label is not a campaign of this server).
    /// </summary>
    public static (long CampaignId, int Variant)? CampaignOf(string source)
    {
        var parts = source.Split(':');
        return parts is ["campaign", var id, "variant", var index]
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var campaignId)
            && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var variant)
            ? (campaignId, variant)
            : null;
    }

    /// <summary>The source of a journey's message: <c>journey:&lt;id&gt;:v:&lt;version&gt;:node:&lt;node id&gt;</c>.</summary>
    public static string Journey(long journeyId, int version, string node) =>
        string.Create(CultureInfo.InvariantCulture, $"journey:{journeyId}:v:{version}:node:{node}");

    /// <summary>The journey, version and node a message's source names, in exactly the form <see cref="Journey"/> writes; null for any other source.</summary>
    public static (long JourneyId, int Version, string Node)? JourneyOf(string source)
    {
        var parts = source.Split(':');
        return parts is ["journey", var id, "v", var v, "node", var node]
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var journeyId)
            && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && node.Length > 0
            ? (journeyId, version, node)
            : null;
    }
}
