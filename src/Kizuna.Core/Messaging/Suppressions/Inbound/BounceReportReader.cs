using MimeKit;

namespace Kizuna.Messaging.Suppressions.Inbound;

/// <summary>
/// Reads the machine-readable part of a report that came back by email, with MimeKit's parser: a
/// <c>multipart/report</c> of <c>report-type=delivery-status</c> (a DSN, RFC 3464) or <c>feedback-report</c> (ARF,
/// RFC 5965). Only permanent failures (<c>Action: failed</c>, status 5.x.x) and complaints count; delays, relays and
/// anything that is not a report give nothing, so an out-of-office reply or a human's answer never suppresses anyone.
/// </summary>
public static class BounceReportReader
{
    public static IReadOnlyList<BounceReport> Read(MimeMessage message)
    {
        if (message.Body is not MultipartReport report || OriginalMessageId(report) is not { } original)
        {
            return [];
        }

        return report.ReportType?.ToLowerInvariant() switch
        {
            "delivery-status" => Failures(report, original),
            "feedback-report" => Complaints(report, original),
            _ => [],
        };
    }

    private static List<BounceReport> Failures(MultipartReport report, string original)
    {
        var failures = new List<BounceReport>();
        foreach (var recipient in report.OfType<MessageDeliveryStatus>().SelectMany(s => s.StatusGroups.Skip(1)))
        {
            var status = recipient["Status"]?.Trim() ?? string.Empty;
            if (string.Equals(recipient["Action"]?.Trim(), "failed", StringComparison.OrdinalIgnoreCase)
                && status.StartsWith("5.", StringComparison.Ordinal)
                && Address(recipient["Final-Recipient"] ?? recipient["Original-Recipient"]) is { } address)
            {
                failures.Add(new BounceReport(BounceReportKind.HardBounce, address, original, status));
            }
        }

        return failures;
    }

    private static List<BounceReport> Complaints(MultipartReport report, string original)
    {
        var feedback = report.OfType<MessageFeedbackReport>().FirstOrDefault()?.Fields;
        var type = feedback?["Feedback-Type"]?.Trim().ToLowerInvariant();
        if (type is not ("abuse" or "fraud") || OriginalPart(report) is not { } headers)
        {
            return [];
        }

        // ARF names the complainer in the quoted message's To; Original-Rcpt-To when the provider adds it.
        var recipient = Address(feedback!["Original-Rcpt-To"]) ?? headers.To.Mailboxes.FirstOrDefault()?.Address;
        return recipient is null ? [] : [new BounceReport(BounceReportKind.Complaint, recipient, original, type)];
    }

    private static string? OriginalMessageId(MultipartReport report) => OriginalPart(report)?.MessageId;

    // The returned message, whole (message/rfc822) or its headers only (text/rfc822-headers).
    private static MimeMessage? OriginalPart(MultipartReport report) =>
        report.OfType<MessagePart>().FirstOrDefault()?.Message
        ?? report.OfType<TextRfc822Headers>().FirstOrDefault()?.Message;

    // "rfc822; someone@example.com" → someone@example.com
    private static string? Address(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }

        var semicolon = field.IndexOf(';', StringComparison.Ordinal);
        var address = (semicolon >= 0 ? field[(semicolon + 1)..] : field).Trim().Trim('<', '>');
        return address.Contains('@', StringComparison.Ordinal) ? address : null;
    }
}
