namespace Kizuna.Segments;

/// <summary>
/// What a batch of changes did to one profile, for choosing the segments to re-evaluate it against: the events it
/// performed (by name), whether identify calls may have changed its traits, and whether anything else changed that
/// the events do not tell (a merge), in which case every segment is re-evaluated. <see cref="Cause"/> and
/// <see cref="At"/> are those of the first change of the batch that touched it, which stay the same when the
/// batch is handed over again after a crash.
/// </summary>
public sealed class ProfileTouch(string cause, DateTimeOffset at)
{
    public string Cause { get; } = cause;

    public DateTimeOffset At { get; } = at;

    public HashSet<string> Events { get; } = new(StringComparer.Ordinal);

    public bool Traits { get; set; }

    public bool Everything { get; set; }

    /// <summary>Segments whose membership of this profile changed earlier in the same round (for segments that read them).</summary>
    public HashSet<long> Segments { get; } = [];
}
