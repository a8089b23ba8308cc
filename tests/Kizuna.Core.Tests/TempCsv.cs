namespace Kizuna;

/// <summary>A CSV file the test writes and deletes again.</summary>
public sealed class TempCsv : IDisposable
{
    public TempCsv(params string[] lines)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kizuna-test-{Guid.NewGuid():N}.csv");
        File.WriteAllText(Path, string.Join('\n', lines) + "\n");
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
