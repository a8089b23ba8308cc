namespace Kizuna.Storage;

/// <summary>The store engines every contract test runs on: <c>[MemberData(nameof(Engines.All), MemberType = typeof(Engines))]</c>.</summary>
public static class Engines
{
    public static TheoryData<string> All => ["sqlite", "postgres"];
}
