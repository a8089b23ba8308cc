using System.Globalization;
using CsvHelper;
using Kizuna.Profiles;

namespace Kizuna.Server.Dashboard;

/// <summary>The columns of the customers CSV export: times are ISO 8601 in UTC, numbers invariant.</summary>
public static class CustomerCsv
{
    public static readonly string[] Header = ["id", "user_id", "email", "name", "last_seen", "events", "orders", "total_spent", "currency"];

    // Names, emails and ids are text a customer typed: a spreadsheet must never run one as a formula.
    public static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static void Write(CsvWriter csv, ProfileSummary p)
    {
        csv.WriteField(p.Id);
        csv.WriteField(p.UserId);
        csv.WriteField(p.Email);
        csv.WriteField(p.DisplayName);
        csv.WriteField(p.LastSeen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        csv.WriteField(p.Events);
        csv.WriteField(p.Orders);
        csv.WriteField(p.TotalSpent.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(p.Currency);
    }
}
