namespace Kizuna.Server.Dashboard.Localization;

public sealed partial record AdminText
{
    public required string ApiKeys { get; init; }

    public required string KeysIntro { get; init; }

    public required string CreateKey { get; init; }

    public required string KeyNameHelp { get; init; }

    public required string WriteKey { get; init; }

    public required string SecretKey { get; init; }

    public required string WriteKeyHelp { get; init; }

    public required string SecretKeyHelp { get; init; }

    public required string KeyKind { get; init; }

    public required string KeyPrefix { get; init; }

    public required string KeyScopes { get; init; }

    public required string ScopesYouHold { get; init; }

    public required IReadOnlyDictionary<string, string> ScopeHelps { get; init; }

    public required string WriteKeyScopes { get; init; }

    public required string CreatedAt { get; init; }

    public required string Active { get; init; }

    public required string RevokedOnFormat { get; init; }

    public required string Revoke { get; init; }

    public required string RevokeTitle { get; init; }

    public required string RevokeQuestionFormat { get; init; }

    public required string Cancel { get; init; }

    public required string NoKeys { get; init; }

    public required string KeyCreatedFormat { get; init; }

    public required string ShownOnce { get; init; }

    public required string Copied { get; init; }

    public required string CopyFailed { get; init; }

    public required string SavedIt { get; init; }

    public required string ScopeNotHeldFormat { get; init; }

    public required string Imports { get; init; }

    public required string ImportsIntro { get; init; }

    public required string NewImport { get; init; }

    public required string ChooseFile { get; init; }

    public required string ChooseFileToMap { get; init; }

    public required string ColumnsFoundFormat { get; init; }

    public required string BytesFormat { get; init; }

    public required string FileTooLargeFormat { get; init; }

    public required string UploadFailed { get; init; }

    public required string MapColumns { get; init; }

    public required string MappingJson { get; init; }

    public required string MappingJsonHelp { get; init; }

    public required string LoadMappingFile { get; init; }

    public required string MappingFileTooLarge { get; init; }

    public required string DataKind { get; init; }

    public required string KindCustomers { get; init; }

    public required string KindOrders { get; init; }

    public required string KindProducts { get; init; }

    public required string KindEvents { get; init; }

    public required string Delimiter { get; init; }

    public required string Comma { get; init; }

    public required string Semicolon { get; init; }

    public required string Tab { get; init; }

    public required string Pipe { get; init; }

    public required string FileColumn { get; init; }

    public required string Example { get; init; }

    public required string KizunaField { get; init; }

    public required string SkipColumn { get; init; }

    public required string AsTraitFormat { get; init; }

    public required string AsPropertyFormat { get; init; }

    public required string RequiredFieldsFormat { get; init; }

    public required string TimestampFormat { get; init; }

    public required string TimestampFormatHelp { get; init; }

    public required string TimeZoneHelp { get; init; }

    public required string Currency { get; init; }

    public required string CurrencyHelp { get; init; }

    public required string EventName { get; init; }

    public required string EventNameHelp { get; init; }

    public required string NumericIds { get; init; }

    public required string StartImport { get; init; }

    public required string MappingProblemFormat { get; init; }

    public required string WatchFailed { get; init; }

    public required string NoJobSelected { get; init; }

    public required string RecentImports { get; init; }

    public required string NoImports { get; init; }

    public required string File { get; init; }

    public required string StatusQueued { get; init; }

    public required string StatusRunning { get; init; }

    public required string StatusSucceeded { get; init; }

    public required string StatusFailed { get; init; }

    public required string LinesRead { get; init; }

    public required string BadLines { get; init; }

    public required string UploadedAt { get; init; }

    public required string FinishedAt { get; init; }

    public required string Report { get; init; }

    public required string OrderLines { get; init; }

    public required string Cancellations { get; init; }

    public required string CancellationLinesMatched { get; init; }

    public required string CancellationsMatched { get; init; }

    public required string UnmatchedRefunds { get; init; }

    public required string CancellationLinesUnmatched { get; init; }

    public required string SkippedWithoutCustomer { get; init; }

    public required string Products { get; init; }

    public required string Stored { get; init; }

    public required string Duplicates { get; init; }

    public required string Elapsed { get; init; }

    public required string SecondsFormat { get; init; }

    public required string FirstBadLines { get; init; }

    public required string Line { get; init; }

    public required string Reason { get; init; }

    public required string MoreBadLinesFormat { get; init; }

    public required string NoAccess { get; init; }

    public required string Operations { get; init; }

    public required string OperationsIntro { get; init; }

    public required string OperationsUnreadable { get; init; }

    public required string JobQueues { get; init; }

    public required string Queue { get; init; }

    public required string JobsDue { get; init; }

    public required string JobsRunning { get; init; }

    public required string JobsScheduled { get; init; }

    public required string JobsDead { get; init; }

    public required string OldestWait { get; init; }

    public required string NoJobs { get; init; }

    public required string FeedConsumers { get; init; }

    public required string Consumer { get; init; }

    public required string Node { get; init; }

    public required string NoNode { get; init; }

    public required string ChangesBehind { get; init; }

    public required string Lag { get; init; }

    public required string NoConsumers { get; init; }

    public required string DeadJobs { get; init; }

    public required string JobKey { get; init; }

    public required string Attempts { get; init; }

    public required string FailedAt { get; init; }

    public required string LastError { get; init; }

    public required string Retry { get; init; }

    public required string NoDeadJobs { get; init; }
}
