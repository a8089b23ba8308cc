namespace Kizuna;

/// <summary>
/// Reads an enum value from its name only, ignoring case. <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
/// also takes numbers (<c>"5"</c>, a value no member has) and lists (<c>"Admin, Viewer"</c>), which no API field means.
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is not null
            && Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            && Enum.TryParse(name, out value);
    }
}
