namespace Kizuna.Profiles;

/// <summary>A value another feature computed for a profile (<c>computed_values</c>): a number or a text, and when.</summary>
public sealed record ProfileValue(string Name, double? Number, string? Text, DateTimeOffset ComputedAt)
{
    /// <summary>The value itself: the number, else the text.</summary>
    public object? Value => Number is { } number ? number : Text;
}
