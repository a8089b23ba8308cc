namespace Kizuna.Ingestion;

/// <summary>The batch was not stored (the store failed or the node is stopping); the client should retry.</summary>
public sealed class IngestionUnavailableException : Exception
{
    public IngestionUnavailableException()
    {
    }

    public IngestionUnavailableException(string message) : base(message)
    {
    }

    public IngestionUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}
