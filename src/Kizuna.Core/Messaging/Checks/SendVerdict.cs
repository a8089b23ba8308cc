namespace Kizuna.Messaging.Checks;

/// <summary>A check's answer for one message.</summary>
public enum SendVerdict
{
    /// <summary>Try again at the decision's time (quiet hours, a frequency cap's window).</summary>
    Defer,

    /// <summary>Never send it (an erased identity, no consent, the control group).</summary>
    Suppress,
}
