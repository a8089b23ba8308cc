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
    public const string Exit = "exit";

    public static readonly IReadOnlyList<string> All = [Message, Delay, WaitEvent, WaitSegment, Branch, Split, Exit];

    /// <summary>Kinds where an entry stops until a time or an event: a cycle through one of them is not a busy loop.</summary>
    public static bool Holds(string kind) => kind is Delay or WaitEvent or WaitSegment;
}
