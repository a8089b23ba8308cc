using System.Diagnostics.Metrics;

namespace Kizuna.Messaging.Outbox;

/// <summary>
/// The outbox's instruments (meter <c>Kizuna.Messaging.Outbox</c>): how long each phase of a batch took and how many
/// messages each batch finished, by channel, so an operator (or the W4 benchmark) sees where a batch's time goes
/// without a profiler. Listened to with <c>dotnet-counters</c> or any OpenTelemetry exporter.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Kizuna.Messaging.Outbox";

    /// <summary>The phases a batch goes through, in order.</summary>
    public static readonly string[] Phases = ["load", "render", "mark", "send", "outcomes"];

    private readonly Histogram<double> _phase;
    private readonly Counter<long> _finished;
    private readonly TimeProvider _time;

    public OutboxMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        var meter = meters.Create(MeterName);
        _phase = meter.CreateHistogram<double>("kizuna.outbox.batch.phase.duration", "ms", "Time a batch spent in one phase (load and checks, render, the sending mark, the channel, the outcomes).");
        _finished = meter.CreateCounter<long>("kizuna.outbox.messages.finished", "{message}", "Messages whose outcome of a try was written (sent, failed, deferred, suppressed).");
    }

    /// <summary>A timestamp to start the first phase from.</summary>
    public long Start() => _time.GetTimestamp();

    /// <summary>Records the time since <paramref name="started"/> (from <see cref="Start"/> or the last phase) as <paramref name="phase"/>; returns now.</summary>
    public long Phase(MessageChannel channel, string phase, long started)
    {
        var now = _time.GetTimestamp();
        if (_phase.Enabled)
        {
            _phase.Record(_time.GetElapsedTime(started, now).TotalMilliseconds, new("channel", MessageChannels.Name(channel)), new("phase", phase));
        }

        return now;
    }

    public void Finished(MessageChannel channel, int count)
    {
        if (count > 0)
        {
            _finished.Add(count, new KeyValuePair<string, object?>("channel", MessageChannels.Name(channel)));
        }
    }
}
