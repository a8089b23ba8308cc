namespace Kizuna.Work.Changes;

/// <summary>A consumer that keeps what it was handed, and can be told to fail.</summary>
internal sealed class RecordingConsumer(string name, int batchSize = 16) : IChangeConsumer
{
    public string Name => name;

    public int BatchSize => batchSize;

    public List<Change> Changes { get; } = [];

    public bool Fail { get; set; }

    public IEnumerable<string> MessageIds => Changes.SelectMany(c => c.Events).Select(e => e.MessageId);

    public Task HandleAsync(IReadOnlyList<Change> changes, CancellationToken ct)
    {
        if (Fail)
        {
            throw new InvalidOperationException("The consumer failed.");
        }

        Changes.AddRange(changes);
        return Task.CompletedTask;
    }
}
