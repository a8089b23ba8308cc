namespace Kizuna.Journeys.Model;

/// <summary>The node kinds a journey may use.</summary>
public static class JourneyNodeKinds
{
    public const string Message = "message";
    public const string Delay = "delay";
    public const string WaitEvent = "wait_event";
    public const string WaitSegment = "wait_segment";
    public const string Branch = "branch";
    public const string Split = "split";
    public const string UpdateProfile = "update_profile";
    public const string Webhook = "webhook";
    public const string Exit = "exit";

    public static readonly IReadOnlyList<string> All = [Message, Delay, WaitEvent, WaitSegment, Branch, Split, UpdateProfile, Webhook, Exit];

    /// <summary>Kinds where an entry stops until a time or an event: a cycle through one of them is not a busy loop.</summary>
    public static bool Holds(string kind) => kind is Delay or WaitEvent or WaitSegment;

    /// <summary>
    /// Kinds whose work is done outside a pass (an HTTP call, a profile write), as a job of the <c>journey-actions</c>
    /// queue: the entry waits at the node until the job has done it. They do not break a busy cycle.
    /// </summary>
    public static bool Acts(string kind) => kind is UpdateProfile or Webhook;
}
