using Kizuna.Messaging.Checks;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// The global control group receives no marketing: its messages are suppressed with <see cref="Reason"/>, so the
/// outbox keeps who would have been messaged and campaigns can measure uplift against them. Transactional messages pass.
/// </summary>
public sealed class ControlGroupCheck(MessagingSettingsStore settings) : ISendCheck
{
    public const string Reason = "Global control group: this profile receives no marketing.";

    public async Task CheckAsync(IReadOnlyList<OutboxMessage> messages, SendDecisions decisions, CancellationToken ct)
    {
        foreach (var workspace in messages.Where(m => !m.Transactional && m.ProfileId > 0).GroupBy(m => m.WorkspaceId))
        {
            if ((await settings.GetAsync(workspace.Key, ct)).ControlGroup is not { Percent: > 0 } group)
            {
                continue;
            }

            foreach (var message in workspace.Where(m => group.Contains(m.ProfileId)))
            {
                decisions.Suppress(message, Reason);
            }
        }
    }
}
