using System.CommandLine;
using System.Globalization;

namespace Kizuna.Server.Cli;

/// <summary>An option that takes a whole number in a range, and says which range when given anything else.</summary>
public static class NumberOption
{
    public static Option<int?> Create(string name, string helpName, int min, int max, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} takes a whole number from {min} to {max}; '{text}' is not one."));
            return null;
        },
    };
}
