namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// How consent is asked for. <see cref="OptInChannels"/> send marketing only to customers who said yes explicitly
/// (<c>opted_in</c>), as Japan's Act on Specified Electronic Mail asks of email; other channels reach everyone until
/// they unsubscribe. Transactional messages (a receipt, a password reset) pass consent unless
/// <see cref="TransactionalBypassesConsent"/> is off; they never pass the suppression list. With
/// <see cref="DoubleOptInTemplateId"/> set, subscribing to email sends that template (it links <c>{{ data.confirm_url }}</c>)
/// and the answer stays <c>pending</c> until the link is followed.
/// </summary>
public sealed record ConsentSettings
{
    public IReadOnlyList<string> OptInChannels { get; init; } = [];

    public bool TransactionalBypassesConsent { get; init; } = true;

    public long? DoubleOptInTemplateId { get; init; }
}
