namespace Kizuna.Server.Dashboard.Localization;

public sealed partial record MessagingText
{
    public required string Messaging { get; init; }

    public required string Templates { get; init; }

    public required string TemplatesIntro { get; init; }

    public required string NewTemplate { get; init; }

    public required string AllChannels { get; init; }

    public required string Name { get; init; }

    public required string Channel { get; init; }

    public required string Version { get; init; }

    public required string SubjectOrTitle { get; init; }

    public required string Updated { get; init; }

    public required string NoTemplates { get; init; }

    public required string Subject { get; init; }

    public required string Title { get; init; }

    public required string Preheader { get; init; }

    public required string Html { get; init; }

    public required string TextPart { get; init; }

    public required string SmsBody { get; init; }

    public required string PushBody { get; init; }

    public required string ImageUrl { get; init; }

    public required string DeepLink { get; init; }

    public required string Method { get; init; }

    public required string Url { get; init; }

    public required string JsonBody { get; init; }

    public required string Save { get; init; }

    public required string Create { get; init; }

    public required string Saved { get; init; }

    public required string PreviewFor { get; init; }

    public required string NoProfile { get; init; }

    public required string Preview { get; init; }

    public required string Problems { get; init; }

    public required string Aborted { get; init; }

    public required string SegmentsFormat { get; init; }

    public required string TestSend { get; init; }

    public required string TestUser { get; init; }

    public required string TestEmail { get; init; }

    public required string TestPhone { get; init; }

    public required string TestSendButton { get; init; }

    public required string TestQueued { get; init; }

    public required string TestNeedsRecipient { get; init; }

    public required string TestHint { get; init; }

    public required string Log { get; init; }

    public required string LogIntro { get; init; }

    public required string State { get; init; }

    public required string AllStates { get; init; }

    public required string Template { get; init; }

    public required string AllTemplates { get; init; }

    public required string ProfileId { get; init; }

    public required string Recipient { get; init; }

    public required string Source { get; init; }

    public required string Created { get; init; }

    public required string NoMessages { get; init; }

    public required string Older { get; init; }

    public required string History { get; init; }

    public required string Events { get; init; }

    public required string NoEvents { get; init; }

    public required string Test { get; init; }

    public required string Catchers { get; init; }

    public required string CatchersIntro { get; init; }

    public required string CatcherOff { get; init; }

    public required string Received { get; init; }

    public required string To { get; init; }

    public required string Body { get; init; }

    public required string NothingCaught { get; init; }

    public required string Groups { get; init; }

    public required string GroupsIntro { get; init; }

    public required string Key { get; init; }

    public required string NameJa { get; init; }

    public required string OptIn { get; init; }

    public required string Archived { get; init; }

    public required string AddGroup { get; init; }

    public required string GroupAdded { get; init; }

    public required string KeyTaken { get; init; }

    public required string NoGroups { get; init; }

    public required string Settings { get; init; }

    public required string SettingsIntro { get; init; }

    public required string FrequencyCaps { get; init; }

    public required string Limit { get; init; }

    public required string Window { get; init; }

    public required string Action { get; init; }

    public required string AddCap { get; init; }

    public required string Remove { get; init; }

    public required string QuietHours { get; init; }

    public required string QuietHoursOn { get; init; }

    public required string Start { get; init; }

    public required string End { get; init; }

    public required string DefaultTimeZone { get; init; }

    public required string ControlGroup { get; init; }

    public required string TrackOpens { get; init; }

    public required string TrackClicks { get; init; }

    public required string SaveSettings { get; init; }

    public required string Invalid { get; init; }

    public required string LineColumn { get; init; }

    public required string EmailChannel { get; init; }

    public required string TestConnection { get; init; }

    public required string CatcherOn { get; init; }

    public required string SmsChannel { get; init; }

    public required string PushChannel { get; init; }

    public required string NotSet { get; init; }
}
