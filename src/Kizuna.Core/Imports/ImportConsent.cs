using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kizuna.Messaging;
using Kizuna.Messaging.Consent;

namespace Kizuna.Imports;

/// <summary>
/// A customers import's <c>subscriptions</c> columns, written into the identify call as the consent traits
/// (<c>email_subscribe</c>, <c>subscription_groups</c>) that the messaging consent consumer records through the consent
/// service, with the source <c>import</c> and the row's time: each change becomes an event on the profile like any
/// other. A value that is no answer fails its line, naming the column.
/// </summary>
internal static partial class ImportConsent
{
    public static bool IsTarget(string key) => MessageChannels.TryParse(key, out _) || GroupKey().IsMatch(key);

    public static void AddTo(JsonObject traits, ImportRow row, ImportMapping mapping)
    {
        foreach (var (key, header) in mapping.Subscriptions)
        {
            if (row.Column(header) is not { } value)
            {
                continue;   // an empty cell says nothing
            }

            var state = ConsentTraits.StateOfText(value)
                ?? throw new ImportLineException($"subscriptions.{key} ({header}) '{(value.Length <= 40 ? value : value[..40] + "…")}' is not subscribed, opted_in, unsubscribed, yes or no");
            if (MessageChannels.TryParse(key, out _))
            {
                traits[$"{key}_subscribe"] = SubscriptionStates.Name(state);
            }
            else
            {
                var groups = traits["subscription_groups"] as JsonObject ?? [];
                groups[key] = SubscriptionStates.Name(state);
                traits["subscription_groups"] = groups;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex GroupKey();
}
