namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// At most <paramref name="Limit"/> marketing messages on <paramref name="Channel"/> per profile in any rolling
/// <paramref name="Window"/> (an ISO 8601 duration: <c>P1D</c>, <c>PT12H</c>, <c>P7D</c>). A message over the cap is
/// skipped (<paramref name="Action"/> <c>skip</c>, as Braze does) or deferred until the window has room (<c>defer</c>).
/// Transactional messages are exempt and do not count.
/// </summary>
public sealed record FrequencyCap(string Channel, int Limit, string Window, string Action = "skip");
