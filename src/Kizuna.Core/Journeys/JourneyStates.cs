namespace Kizuna.Journeys;

/// <summary>
/// The life of a journey: <c>draft</c> → <c>live</c> (entries come in) ⇄ <c>paused</c> (nobody enters, entries hold
/// where they are, exits and conversions still count) → <c>archived</c> (waiting entries exit, timers are dropped).
/// </summary>
public static class JourneyStates
{
    public const string Draft = "draft";
    public const string Live = "live";
    public const string Paused = "paused";
    public const string Archived = "archived";
}
