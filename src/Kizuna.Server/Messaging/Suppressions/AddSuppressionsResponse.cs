namespace Kizuna.Server.Messaging.Suppressions;

/// <summary>
/// What <c>POST /api/suppressions</c> did: the addresses newly listed, those that were listed already (as they stand,
/// with their first reason), and the entries refused with the field at fault.
/// </summary>
public sealed record AddSuppressionsResponse(IReadOnlyList<SuppressionResponse> Added, IReadOnlyList<SuppressionResponse> AlreadyListed, IReadOnlyList<SuppressionFailure> Failed);
