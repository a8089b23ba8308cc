using System.Globalization;
using Kizuna.Imports;
using Kizuna.Workspaces;

namespace Kizuna.Server.Dashboard.Localization;

/// <summary>
/// The labels of the workspace administration pages (API keys, imports), one instance per language, chosen by the
/// same culture as <see cref="DashboardText"/>. Labels with a value in them are composite format strings.
/// </summary>
public sealed partial record AdminText
{
    public static AdminText Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? Ja : En;

    public string Kind(ApiKeyKind kind) => kind == ApiKeyKind.Write ? WriteKey : SecretKey;

    public string ScopeHelp(string scope) => ScopeHelps.GetValueOrDefault(scope, "");

    public string KindName(ImportKind kind) => kind switch
    {
        ImportKind.Customers => KindCustomers,
        ImportKind.Orders => KindOrders,
        ImportKind.Products => KindProducts,
        _ => KindEvents,
    };

    public string JobStatus(ImportJobStatus status) => status switch
    {
        ImportJobStatus.Queued => StatusQueued,
        ImportJobStatus.Running => StatusRunning,
        ImportJobStatus.Succeeded => StatusSucceeded,
        _ => StatusFailed,
    };

    public string KeyCreated(string name) => Format(KeyCreatedFormat, name);

    public string RevokedOn(string time) => Format(RevokedOnFormat, time);

    public string RevokeQuestion(string name) => Format(RevokeQuestionFormat, name);

    public string ScopeNotHeld(string scope) => Format(ScopeNotHeldFormat, scope);

    public string ColumnsFound(int count) => Format(ColumnsFoundFormat, count);

    public string AsTrait(string name) => Format(AsTraitFormat, name);

    public string AsProperty(string name) => Format(AsPropertyFormat, name);

    public string RequiredFields(string fields) => Format(RequiredFieldsFormat, fields);

    public string MappingProblem(string field, string message) => Format(MappingProblemFormat, field, message);

    public string MoreBadLines(string count) => Format(MoreBadLinesFormat, count);

    public string FileTooLarge(long bytes) => Format(FileTooLargeFormat, Bytes(bytes));

    public string Seconds(double seconds) => Format(SecondsFormat, seconds);

    /// <summary>A file size in the largest unit that keeps it at or above one.</summary>
    public string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => Format("{0:N1} GB", bytes / (double)(1L << 30)),
        >= 1L << 20 => Format("{0:N1} MB", bytes / (double)(1L << 20)),
        >= 1L << 10 => Format("{0:N1} KB", bytes / 1024.0),
        _ => Format(BytesFormat, bytes),
    };

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
