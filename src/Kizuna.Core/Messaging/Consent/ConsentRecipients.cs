using System.Globalization;
using Kizuna.Messaging.Links;
using Kizuna.Messaging.Outbox;
using Kizuna.Profiles;

namespace Kizuna.Messaging.Consent;

/// <summary>
/// Resolves a signed link to its recipient: the token must verify for its kind, and the message must still belong to
/// a profile (a merge since moves it to the survivor; an erasure leaves nobody, and the link then shows nothing).
/// </summary>
public sealed class ConsentRecipients(MessageLinkSigner links, OutboxStore outbox, ProfileService profiles)
{
    public async Task<ConsentRecipient?> FindAsync(MessageLinkKind kind, string token, CancellationToken ct)
    {
        if (await links.VerifyAsync(kind, token, ct) is not { } target
            || await outbox.FindAsync(target.WorkspaceId, target.MessageId, ct) is not { ProfileId: > 0 } message
            || await profiles.FindAsync(message.WorkspaceId, new ProfileLookup(ProfileLookupKind.Id, message.ProfileId.ToString(CultureInfo.InvariantCulture)), ct) is not { } detail)
        {
            return null;
        }

        return new ConsentRecipient(message, detail.Profile);
    }
}
