using Kizuna.Segments.Definitions;
using Kizuna.Server.Dashboard.SegmentEditing;

namespace Kizuna.Server.Dashboard.Localization;

public sealed partial record SegmentText
{
    public required string Segments { get; init; }

    public required string SegmentsIntro { get; init; }

    public required string CreateSegment { get; init; }

    public required string ShowArchived { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string Size { get; init; }

    public required string Trend { get; init; }

    public required string LastComputed { get; init; }

    public required string Status { get; init; }

    public required string NotYetComputed { get; init; }

    public required string NoSegments { get; init; }

    public required string NewSegment { get; init; }

    public required string SegmentNotFound { get; init; }

    public required string Conditions { get; init; }

    public required string TextForm { get; init; }

    public required string TextHint { get; init; }

    public required string Create { get; init; }

    public required string SaveVersion { get; init; }

    public required string Recompute { get; init; }

    public required string RecomputeQueued { get; init; }

    public required string ExportMembers { get; init; }

    public required string Estimate { get; init; }

    public required string EstimateFailed { get; init; }

    public required string EstimateEmpty { get; init; }

    public required string EstimateInvalid { get; init; }

    public required string Estimating { get; init; }

    public required string SampleOfMembers { get; init; }

    public required string Members { get; init; }

    public required string Refresh { get; init; }

    public required string EnteredAt { get; init; }

    public required string NoMembers { get; init; }

    public required string Previous { get; init; }

    public required string Next { get; init; }

    public required string Versions { get; init; }

    public required string CurrentVersion { get; init; }

    public required string LoadVersion { get; init; }

    public required string NoMemberships { get; init; }

    public required string Since { get; init; }

    public required string OperatorLabel { get; init; }

    public required string AndWord { get; init; }

    public required string OrWord { get; init; }

    public required string Values { get; init; }

    public required string ListHint { get; init; }

    public required string Days { get; init; }

    public required string ValueLabel { get; init; }

    public required string WindowLabel { get; init; }

    public required string Ever { get; init; }

    public required string Within { get; init; }

    public required string BetweenDays { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required string WherePropertyWord { get; init; }

    public required string PropertyPath { get; init; }

    public required string PropertyPathHint { get; init; }

    public required string Remove { get; init; }

    public required string AddFilter { get; init; }

    public required string DataTypeLabel { get; init; }

    public required string ConditionKindLabel { get; init; }

    public required string ProfileFact { get; init; }

    public required string FieldName { get; init; }

    public required string ValueNameHint { get; init; }

    public required string TraitNameHint { get; init; }

    public required string Metric { get; init; }

    public required string BoughtBy { get; init; }

    public required string SegmentLabel { get; init; }

    public required string BucketHint { get; init; }

    public required string EventName { get; init; }

    public required string EventNameHint { get; init; }

    public required string CountWord { get; init; }

    public required string GroupModeLabel { get; init; }

    public required string OfTheseConditions { get; init; }

    public required string RemoveGroup { get; init; }

    public required string AddCondition { get; init; }

    public required string AddGroup { get; init; }

    public required string NameTaken { get; init; }

    public required string VersionConflict { get; init; }

    public required string ArchivedNoVersions { get; init; }

    public required string NameRequired { get; init; }

    public required string InvalidDefinition { get; init; }

    public required string VersionFormat { get; init; }

    public required string LineColumnFormat { get; init; }

    public required string CustomersCountFormat { get; init; }

    public required string OneCustomer { get; init; }

    public required string TrendFormat { get; init; }

    public required string PageFormat { get; init; }

    public required string SavedVersionFormat { get; init; }

    public required string UnknownSegmentFormat { get; init; }

    public required string SizeHistory { get; init; }

    public required string Entered { get; init; }

    public required string Exited { get; init; }

    public required string SizeSummaryFormat { get; init; }

    public required string Archive { get; init; }

    public required string ArchiveTitle { get; init; }

    public required string ArchiveQuestionFormat { get; init; }

    public required string ArchivedDone { get; init; }

    public required string Restore { get; init; }

    public required string RestoreTitle { get; init; }

    public required string RestoreQuestionFormat { get; init; }

    public required string RestoredDone { get; init; }

    public required string Cancel { get; init; }

    public required IReadOnlyDictionary<Operator, string> Operators { get; init; }

    public required IReadOnlyDictionary<ConditionKind, string> Kinds { get; init; }

    public required IReadOnlyDictionary<GroupMode, string> Modes { get; init; }

    public required IReadOnlyDictionary<DataType, string> Types { get; init; }

    public required IReadOnlyDictionary<CommerceMetric, string> Metrics { get; init; }

    public required IReadOnlyDictionary<ProductKey, string> ProductKeys { get; init; }

    public required IReadOnlyDictionary<string, string> Facts { get; init; }

    public required IReadOnlyDictionary<string, string> Statuses { get; init; }
}
