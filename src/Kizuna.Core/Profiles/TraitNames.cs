namespace Kizuna.Profiles;

/// <summary>What a trait name given to a query may hold.</summary>
public static class TraitNames
{
    /// <summary>
    /// Whether the name is safe inside a JSON path: a double quote would end SQLite's quoted path step, and control
    /// characters name no trait anyone can type.
    /// </summary>
    public static bool CanQuote(string name) => !name.Any(c => c == '"' || char.IsControl(c));
}
