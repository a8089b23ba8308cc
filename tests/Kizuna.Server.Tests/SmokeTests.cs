namespace Kizuna;

public sealed class SmokeTests
{
    [Fact]
    public void StoreKind_HasSqliteDefault() => Assert.Equal(Kizuna.Storage.StoreKind.Sqlite, default(Kizuna.Storage.StoreKind));
}
