namespace Kizuna.Imports;

/// <summary>A mapping file that cannot be used; <see cref="Field"/> names the JSON member at fault.</summary>
public sealed class ImportMappingException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
