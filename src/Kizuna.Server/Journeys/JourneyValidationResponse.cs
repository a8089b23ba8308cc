namespace Kizuna.Server.Journeys;

/// <summary>The answer of <c>POST /api/journeys/validate</c>: whether the journey could be saved, and every reason it could not.</summary>
public sealed record JourneyValidationResponse(bool Valid, IReadOnlyList<JourneyErrorResponse> Errors);
