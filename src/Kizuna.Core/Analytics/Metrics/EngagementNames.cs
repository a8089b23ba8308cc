using Kizuna.Commerce;
using Kizuna.Ingestion;
using Kizuna.Messaging;
using Kizuna.Messaging.Tracking;

namespace Kizuna.Analytics.Metrics;

/// <summary>
/// The event names the engagement and NPS figures count, taken from the code that writes them wherever it names
/// them (sent messages, tracked opens and clicks, sessions, orders), so renaming an event there cannot silently turn
/// a rate into zero here. Deliveries are written as "{channel} Delivered"; SMS clicks and push opens are the names
/// the Segment spec and the SDKs send for them.
/// </summary>
public static class EngagementNames
{
    public const string Page = "$page";
    public const string Session = BatchWriter.SessionCountName;
    public const string OrderCompleted = CommerceEvents.OrderCompleted;
    public const string EmailOpened = EngagementTracker.Opened;
    public const string EmailLinkClicked = EngagementTracker.Clicked;
    public const string EmailDelivered = "Email Delivered";
    public const string SmsDelivered = "SMS Delivered";
    public const string SmsLinkClicked = "SMS Link Clicked";
    public const string PushDelivered = "Push Delivered";
    public const string PushOpened = "Push Opened";

    /// <summary>The answer to an NPS question, with a numeric <c>score</c> property from 0 to 10.</summary>
    public const string SurveyResponded = "Survey Responded";

    public static string EmailSent { get; } = SentEvents.EventName(MessageChannel.Email);
    public static string SmsSent { get; } = SentEvents.EventName(MessageChannel.Sms);
    public static string PushSent { get; } = SentEvents.EventName(MessageChannel.Push);

    /// <summary>Every name the engagement figures read.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Page, Session, OrderCompleted,
        EmailSent, EmailDelivered, EmailOpened, EmailLinkClicked,
        SmsSent, SmsDelivered, SmsLinkClicked,
        PushSent, PushDelivered, PushOpened,
    ];
}
