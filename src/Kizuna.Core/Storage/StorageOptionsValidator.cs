using Microsoft.Extensions.Options;

namespace Kizuna.Storage;

/// <summary>
/// Refuses a <c>Storage:Provider</c> that names no engine: a typo such as <c>postgress</c> would otherwise run on
/// SQLite in a local folder while the operator believes the data is in PostgreSQL.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <summary>The values an operator writes; <c>postgresql</c> is accepted as another name for <c>postgres</c>.</summary>
    public static readonly IReadOnlyList<string> Providers = ["sqlite", "postgres"];

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (StorageOptions.TryParseProvider(options.Provider, out _))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"{StorageOptions.Section}:{nameof(StorageOptions.Provider)} is '{options.Provider}', which is not a storage provider. Accepted values: {string.Join(", ", Providers)}.");
    }
}
