namespace Kizuna.Messaging.Content;

/// <summary>The stored and wire names of <see cref="InAppLayout"/>: <c>modal</c>, <c>slide_up</c>, <c>full_screen</c>.</summary>
public static class InAppLayouts
{
    private static readonly Dictionary<string, InAppLayout> ByName = new(StringComparer.Ordinal)
    {
        ["modal"] = InAppLayout.Modal,
        ["slide_up"] = InAppLayout.SlideUp,
        ["full_screen"] = InAppLayout.FullScreen,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string Name(InAppLayout layout) => ByName.First(p => p.Value == layout).Key;

    public static InAppLayout? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var layout) ? layout : null;
}
