using System.Globalization;
using Kizuna.Segments;
using Kizuna.Segments.Definitions;
using Kizuna.Server.Dashboard.SegmentEditing;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>
/// The labels of the segment pages (list, builder, members, the customer's memberships), one instance per language,
/// chosen by the same culture as <see cref="DashboardText"/>. Labels with a value in them are composite format strings.
/// </summary>
public sealed partial record SegmentText
{
    public static SegmentText Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? Ja : En;

    public string OperatorName(Operator op) => Operators.GetValueOrDefault(op, Names.Of(op));

    public string KindName(ConditionKind kind) => Kinds.GetValueOrDefault(kind, Names.Of(kind));

    public string ModeName(GroupMode mode) => Modes.GetValueOrDefault(mode, Names.Of(mode));

    public string TypeName(DataType type) => Types.GetValueOrDefault(type, Names.Of(type));

    public string MetricName(CommerceMetric metric) => Metrics.GetValueOrDefault(metric, Names.Of(metric));

    public string ProductKeyName(ProductKey key) => ProductKeys.GetValueOrDefault(key, Names.Of(key));

    public string FactName(string fact) => Facts.GetValueOrDefault(fact, fact);

    public string StatusName(string status) => Statuses.GetValueOrDefault(status, status);

    public string VersionLabel(int version) => Format(VersionFormat, version);

    public string LineColumn(int line, int column) => Format(LineColumnFormat, line, column);

    public string CustomersCount(long size) => size == 1 ? OneCustomer : Format(CustomersCountFormat, DashboardFormat.Number(size));

    public string TrendLabel(long first, long last, int days) => Format(TrendFormat, days, DashboardFormat.Number(first), DashboardFormat.Number(last));

    public string PageNumber(int page) => Format(PageFormat, page);

    public string SavedVersion(int version) => Format(SavedVersionFormat, version);

    public string UnknownSegment(long id) => Format(UnknownSegmentFormat, id);

    public string SizeSummary(int days, long entered, long exited) =>
        Format(SizeSummaryFormat, days, DashboardFormat.Number(entered), DashboardFormat.Number(exited));

    public string ArchiveQuestion(string name) => Format(ArchiveQuestionFormat, name);

    public string RestoreQuestion(string name) => Format(RestoreQuestionFormat, name);

    /// <summary>Why a save wrote nothing, in the reader's language; the definition's own problems are listed beside.</summary>
    public string SaveRefused(SegmentSaveStatus status, IReadOnlyList<SegmentError>? problems) => status switch
    {
        SegmentSaveStatus.NameTaken => NameTaken,
        SegmentSaveStatus.VersionConflict => VersionConflict,
        SegmentSaveStatus.Archived => ArchivedNoVersions,
        SegmentSaveStatus.NotFound => SegmentNotFound,
        _ when problems is [{ Path: "name" }] => NameRequired,
        _ => InvalidDefinition,
    };

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
