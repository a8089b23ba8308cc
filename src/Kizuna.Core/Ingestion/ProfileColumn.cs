using Kizuna.Storage;

namespace Kizuna.Ingestion;

/// <summary>
/// One column of <c>profiles</c> as the batch writer keeps it: the value written from a <see cref="ProfileState"/>,
/// how a read value goes back into one (null: written only), whether it is bound as JSON, and whether it is indexed
/// (an activity-only update leaves indexed columns alone, see <see cref="ProfileColumns"/>).
/// </summary>
internal sealed record ProfileColumn(
    string Name,
    Func<ProfileState, StoreKind, object?> Write,
    Action<ProfileState, RowReader, int, StoreKind>? Read,
    bool Json = false,
    bool Indexed = false);
