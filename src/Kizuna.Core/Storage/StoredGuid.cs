namespace Kizuna.Storage;

/// <summary>UUIDs come back as <see cref="Guid"/> from PostgreSQL and as 16-byte blobs from SQLite.</summary>
public static class StoredGuid
{
    public static Guid Read(object value) => value switch
    {
        Guid guid => guid,
        byte[] bytes => new Guid(bytes),
        string text => Guid.Parse(text),
        _ => throw new InvalidCastException($"A UUID column held a {value.GetType().Name}."),
    };
}
