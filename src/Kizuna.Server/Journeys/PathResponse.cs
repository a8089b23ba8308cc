namespace Kizuna.Server.Journeys;

/// <summary>One path of a split node: the entries that took it, how many converted, and its uplift over the control path (none for the control, or without a goal or a control).</summary>
public sealed record PathResponse(string Node, string Path, bool Control, long Entries, long Converted, double ConversionRate, PathUpliftResponse? Uplift);
