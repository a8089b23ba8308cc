namespace Kizuna.Messaging.Outbox;

/// <summary>The stored and wire names of <see cref="OutboxState"/> (lower case).</summary>
public static class OutboxStates
{
    public static string Name(OutboxState state) => state switch
    {
        OutboxState.Queued => "queued",
        OutboxState.Deferred => "deferred",
        OutboxState.Sending => "sending",
        OutboxState.Sent => "sent",
        OutboxState.Delivered => "delivered",
        OutboxState.Failed => "failed",
        OutboxState.Suppressed => "suppressed",
        _ => "dead",
    };

    public static OutboxState Parse(string stored) => stored switch
    {
        "queued" => OutboxState.Queued,
        "deferred" => OutboxState.Deferred,
        "sending" => OutboxState.Sending,
        "sent" => OutboxState.Sent,
        "delivered" => OutboxState.Delivered,
        "failed" => OutboxState.Failed,
        "suppressed" => OutboxState.Suppressed,
        "dead" => OutboxState.Dead,
        _ => throw new InvalidDataException($"'{stored}' is not a message state."),
    };

    /// <summary>States after which a claimed job must not send the message again.</summary>
    public static bool IsDone(OutboxState state) => state is OutboxState.Sent or OutboxState.Delivered or OutboxState.Suppressed;

    /// <summary>SQL that holds for a <c>state</c> column not <see cref="IsDone"/>.</summary>
    public static string NotDoneSql(string column) =>
        $"{column} NOT IN ('{Name(OutboxState.Sent)}', '{Name(OutboxState.Delivered)}', '{Name(OutboxState.Suppressed)}')";
}
