using System.Globalization;
using CsvHelper;
using Kizuna.Segments;

namespace Kizuna.Server.Segments;

/// <summary>A segment's members as CSV (profile_id, user_id, email, entered_at in UTC), UTF-8 with a byte-order mark as Excel needs.</summary>
public static class SegmentCsv
{
    // Emails and ids are text a customer typed: a spreadsheet must never run one as a formula.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    private static readonly string[] Header = ["profile_id", "user_id", "email", "entered_at"];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<SegmentMember> members, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        await foreach (var member in members.WithCancellation(ct))
        {
            csv.WriteField(member.ProfileId);
            csv.WriteField(member.UserId);
            csv.WriteField(member.Email);
            csv.WriteField(member.EnteredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }
}
