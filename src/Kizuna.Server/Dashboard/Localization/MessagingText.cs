using System.Globalization;
using Kizuna.Messaging;
using Kizuna.Messaging.Content;
using Kizuna.Messaging.Outbox;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>
/// The labels of the messaging pages (templates, message log, caught messages, subscription groups, settings), one
/// instance per language, chosen by the same culture as <see cref="DashboardText"/>. Labels with a value in them are
/// composite format strings.
/// </summary>
public sealed partial record MessagingText
{
    public static MessagingText Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? Ja : En;

    public string ChannelName(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => this == Ja ? "メール" : "Email",
        MessageChannel.Sms => "SMS",
        MessageChannel.Push => this == Ja ? "プッシュ通知" : "Push",
        MessageChannel.Webhook => "Webhook",
        MessageChannel.InApp => this == Ja ? "アプリ内メッセージ" : "In-app",
        _ => this == Ja ? "コンテンツカード" : "Content card",
    };

    public string StateName(OutboxState state) => this == En ? OutboxStates.Name(state) : state switch
    {
        OutboxState.Queued => "待機中",
        OutboxState.Deferred => "延期",
        OutboxState.Sending => "送信中",
        OutboxState.Sent => "送信済み",
        OutboxState.Delivered => "配信済み",
        OutboxState.Failed => "失敗",
        OutboxState.Suppressed => "抑止",
        _ => "停止",
    };

    public string SmsSegments(SmsCount count) => Format(SegmentsFormat, count.Segments, count.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2", count.Units);

    public string Where(int? line, int? column) => line is { } l ? Format(LineColumn, l, column ?? 1) : string.Empty;

    public string Problem(string field, string message) => Format(Invalid, field, message);

    public string AbortedBecause(string reason) => Format(Aborted, reason);

    public string Queued(long id) => Format(TestQueued, id);

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
