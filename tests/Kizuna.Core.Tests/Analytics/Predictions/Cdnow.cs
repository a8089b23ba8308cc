using System.Globalization;

namespace Kizuna.Analytics.Predictions;

/// <summary>
/// The CDNOW sample of Fader, Hardie and Lee (2005), read in place from <c>shared/data/cdnow</c> in a folder above
/// the tests: the raw purchases (one line per purchase: master id, sample id, yyyymmdd, CDs, dollars) and the
/// published per-customer summary (x, t_x, T in weeks, mean repeat spend).
/// </summary>
internal static class Cdnow
{
    /// <summary>The last day of the 39-week calibration period (1997-01-01 to 1997-09-30).</summary>
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);

    public static string? Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "cdnow");
            if (File.Exists(Path.Combine(candidate, "CDNOW_sample.txt")))
            {
                return candidate;
            }
        }

        return null;
    }

    public static int Day(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The calibration period's purchases folded by <see cref="PurchaseSummarizer"/>, as the product folds orders.</summary>
    public static List<CustomerPurchases> CalibrationPurchases(string folder)
    {
        var rows = File.ReadLines(Path.Combine(folder, "CDNOW_sample.txt"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => (Id: long.Parse(f[1], CultureInfo.InvariantCulture),
                Date: DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture),
                Units: (long)Math.Round(decimal.Parse(f[4], CultureInfo.InvariantCulture) * 10_000)))
            .Where(r => r.Date <= CalibrationEnd)
            .OrderBy(r => r.Id).ThenBy(r => r.Date);
        var summarizer = new PurchaseSummarizer();
        foreach (var (id, date, units) in rows)
        {
            summarizer.Add(id, Day(date), units);
        }

        return summarizer.Complete();
    }

    /// <summary>The published summary (<c>cdnow_customers_summary_with_transactions.csv</c>: ID, x, t_x, T, zbar).</summary>
    public static List<PurchaseHistory> PublishedSummary(string folder) =>
        [.. File.ReadLines(Path.Combine(folder, "cdnow_customers_summary_with_transactions.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new PurchaseHistory(
                long.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture),
                double.Parse(f[4], CultureInfo.InvariantCulture)))];
}
