namespace Kizuna.Storage;

public sealed class StorageOptionsValidatorTests
{
    [Theory]
    [InlineData("sqlite", StoreKind.Sqlite)]
    [InlineData("SQLite", StoreKind.Sqlite)]
    [InlineData("postgres", StoreKind.Postgres)]
    [InlineData("PostgreSQL", StoreKind.Postgres)]
    public void Validate_KnownProvider_Succeeds(string provider, StoreKind kind)
    {
        var options = new StorageOptions { Provider = provider };

        Assert.True(new StorageOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(kind, options.Kind);
    }

    [Theory]
    [InlineData("postgress")]
    [InlineData("mysql")]
    [InlineData("")]
    public void Validate_UnknownProvider_FailsNamingTheKeyAndTheAcceptedValues(string provider)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = provider });

        Assert.True(result.Failed);
        Assert.Equal($"Storage:Provider is '{provider}', which is not a storage provider. Accepted values: sqlite, postgres.", result.FailureMessage);
    }
}
