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
}
