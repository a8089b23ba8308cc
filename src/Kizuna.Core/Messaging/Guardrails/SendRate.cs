namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// At most <paramref name="PerSecond"/> messages a second on <paramref name="Channel"/> for the workspace, across
/// every node sending: what a provider's account allows (an SMS sender's throughput, an email domain's warm-up).
/// Messages over the rate wait for a later second; transactional messages count and wait too.
/// </summary>
public sealed record SendRate(string Channel, int PerSecond);
