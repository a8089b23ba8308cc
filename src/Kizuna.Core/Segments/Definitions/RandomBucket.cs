using System.Globalization;

namespace Kizuna.Segments.Definitions;

/// <summary>
/// A stable number 0–99 per profile, the same in C#, SQLite and PostgreSQL: two steps of the MINSTD generator
/// (multiply by 48271 modulo 2^31−1) from the profile id, modulo 100. Every product stays below 2^47, so no engine
/// overflows or turns to floating point. Segments use it for samples and holdouts; a control group uses it with its
/// own <c>salt</c> so it does not always pick the same profiles as the samples.
/// </summary>
public static class RandomBucket
{
    private const long Modulus = 2_147_483_647;
    private const long Multiplier = 48_271;

    public static int Of(long profileId, long salt = 0)
    {
        var h = ((((profileId + salt) % Modulus) + Modulus) % Modulus * Multiplier) % Modulus;
        h = h * Multiplier % Modulus;
        return (int)(h % 100);
    }

    /// <summary>The same number as a SQL expression over an integer column (either engine).</summary>
    public static string Sql(string idColumn, long salt = 0)
    {
        var m = Modulus.ToString(CultureInfo.InvariantCulture);
        var a = Multiplier.ToString(CultureInfo.InvariantCulture);
        var s = salt.ToString(CultureInfo.InvariantCulture);
        return $"(((((((({idColumn} + {s}) % {m}) + {m}) % {m}) * {a}) % {m}) * {a}) % {m} % 100)";
    }
}
