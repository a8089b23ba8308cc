namespace Kizuna.Server.Messaging.Consent;

/// <summary>The words of the customer's own pages (unsubscribe, preferences, double opt-in), in English and Japanese.</summary>
public sealed record ConsentPageText
{
    public static readonly ConsentPageText En = new()
    {
        Lang = "en",
        PreferencesTitle = "Your email preferences",
        PreferencesIntro = "Choose what we send to {0}.",
        AllMarketing = "Marketing messages by {0}",
        AllMarketingHint = "Untick to receive no marketing at all on this channel. Receipts and account messages still arrive.",
        Groups = "Topics",
        Save = "Save preferences",
        Saved = "Your preferences are saved.",
        Pending = "Check your inbox: we sent a link to confirm your subscription.",
        UnsubscribeTitle = "Unsubscribe",
        UnsubscribeQuestion = "Stop receiving {0} at {1}?",
        UnsubscribeButton = "Unsubscribe",
        Unsubscribed = "You are unsubscribed from {0}. It can take a moment for messages already on their way.",
        AllEmail = "marketing email",
        ManagePreferences = "Manage all your preferences",
        ConfirmTitle = "Confirm your subscription",
        ConfirmQuestion = "Confirm that you want to receive our emails.",
        ConfirmButton = "Confirm",
        Confirmed = "Thank you: your subscription is confirmed.",
        LinkExpired = "This link is no longer valid. Your current choice stands.",
        Email = "email",
        Sms = "SMS",
        Push = "push notification",
        OtherLanguage = "日本語",
    };

    public static readonly ConsentPageText Ja = new()
    {
        Lang = "ja",
        PreferencesTitle = "配信設定",
        PreferencesIntro = "{0} へお送りする内容を選べます。",
        AllMarketing = "{0}でのお知らせ・キャンペーン",
        AllMarketingHint = "チェックを外すと、このチャネルでの広告・宣伝のお知らせはすべて停止します。ご注文やアカウントに関するご連絡は引き続き届きます。",
        Groups = "トピック",
        Save = "設定を保存",
        Saved = "配信設定を保存しました。",
        Pending = "確認メールをお送りしました。メール内のリンクから登録を完了してください。",
        UnsubscribeTitle = "配信停止",
        UnsubscribeQuestion = "{1} への{0}の配信を停止しますか？",
        UnsubscribeButton = "配信を停止する",
        Unsubscribed = "{0}の配信を停止しました。すでに送信中のメッセージが届く場合があります。",
        AllEmail = "お知らせメール",
        ManagePreferences = "配信設定をまとめて変更する",
        ConfirmTitle = "購読の確認",
        ConfirmQuestion = "メールの受信を希望されることを確認してください。",
        ConfirmButton = "確認する",
        Confirmed = "ありがとうございます。購読の登録が完了しました。",
        LinkExpired = "このリンクは無効になりました。現在の設定はそのままです。",
        Email = "メール",
        Sms = "SMS",
        Push = "プッシュ通知",
        OtherLanguage = "English",
    };

    public required string Lang { get; init; }

    public required string PreferencesTitle { get; init; }

    public required string PreferencesIntro { get; init; }

    public required string AllMarketing { get; init; }

    public required string AllMarketingHint { get; init; }

    public required string Groups { get; init; }

    public required string Save { get; init; }

    public required string Saved { get; init; }

    public required string Pending { get; init; }

    public required string UnsubscribeTitle { get; init; }

    public required string UnsubscribeQuestion { get; init; }

    public required string UnsubscribeButton { get; init; }

    public required string Unsubscribed { get; init; }

    public required string AllEmail { get; init; }

    public required string ManagePreferences { get; init; }

    public required string ConfirmTitle { get; init; }

    public required string ConfirmQuestion { get; init; }

    public required string ConfirmButton { get; init; }

    public required string Confirmed { get; init; }

    public required string LinkExpired { get; init; }

    public required string Email { get; init; }

    public required string Sms { get; init; }

    public required string Push { get; init; }

    public required string OtherLanguage { get; init; }

    public ConsentPageText Other => Lang == "ja" ? En : Ja;

    public string Channel(Kizuna.Messaging.MessageChannel channel) => channel switch
    {
        Kizuna.Messaging.MessageChannel.Email => Email,
        Kizuna.Messaging.MessageChannel.Sms => Sms,
        _ => Push,
    };
}
