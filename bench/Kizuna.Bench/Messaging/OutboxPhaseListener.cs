using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Bench.Messaging;

/// <summary>
/// Listens to the outbox's instruments (<see cref="OutboxMetrics"/>): the wall time and process CPU time at the moment
/// the warm-up's messages and then all messages are finished, and each batch phase's time in between.
/// </summary>
public sealed class OutboxPhaseListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, (double Sum, double Max, long Count)> _phases = new();
    private readonly TaskCompletionSource _warm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _warmup;
    private readonly long _total;
    private long _finished;

    public OutboxPhaseListener(long warmup, long total)
    {
        (_warmup, _total) = (warmup, total);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OutboxMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => OnPhase(value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => OnFinished(value));
        _listener.Start();
        if (warmup <= 0)
        {
            Warm = (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);
            _warm.TrySetResult();
        }
    }

    public (long Timestamp, TimeSpan Cpu) Warm { get; private set; }

    public (long Timestamp, TimeSpan Cpu) Done { get; private set; }

    public Task WarmAsync => _warm.Task;

    public Task DoneAsync => _done.Task;

    /// <summary>Each phase after the warm-up: total seconds (the phases of concurrent batches overlap), mean and worst ms a batch.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        foreach (var phase in OutboxMetrics.Phases)
        {
            if (_phases.TryGetValue(phase, out var p))
            {
                text.Append(CultureInfo.InvariantCulture, $"    {phase,-9} {p.Sum / 1000:0.0} s in {p.Count} batches, {p.Sum / p.Count:0.0} ms a batch (worst {p.Max:0})\n");
            }
        }

        return text.ToString();
    }

    private void OnPhase(double ms, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Interlocked.Read(ref _finished) < _warmup)
        {
            return;
        }

        foreach (var tag in tags)
        {
            if (tag.Key == "phase" && tag.Value is string name)
            {
                _phases.AddOrUpdate(name, (ms, ms, 1), (_, p) => (p.Sum + ms, Math.Max(p.Max, ms), p.Count + 1));
            }
        }
    }

    private void OnFinished(long count)
    {
        var after = Interlocked.Add(ref _finished, count);
        if (after - count < _warmup && after >= _warmup)
        {
            Warm = (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);
            _warm.TrySetResult();
        }

        if (after - count < _total && after >= _total)
        {
            Done = (Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);
            _done.TrySetResult();
        }
    }

    public void Dispose() => _listener.Dispose();
}
