namespace Kizuna.Messaging.Guardrails;

/// <summary>
/// No marketing between <paramref name="Start"/> and <paramref name="End"/> (<c>HH:mm</c>, the customer's local time;
/// a start after the end spans midnight) on <paramref name="Channels"/> (every channel when empty). The customer's zone
/// is their profile's (<c>context.timezone</c>, else the <c>timezone</c> trait), else <paramref name="DefaultTimeZone"/>,
/// else UTC. A message caught inside is deferred to the end of the quiet hours (<paramref name="Action"/> <c>defer</c>)
/// or skipped (<c>drop</c>).
/// </summary>
public sealed record QuietHours(string Start, string End, IReadOnlyList<string>? Channels = null, string? DefaultTimeZone = null, string Action = "defer");
