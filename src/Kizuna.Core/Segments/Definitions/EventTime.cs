namespace Kizuna.Segments.Definitions;

public enum EventTime
{
    First,
    Last,
}
