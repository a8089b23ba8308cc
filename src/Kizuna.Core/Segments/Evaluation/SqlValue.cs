namespace Kizuna.Segments.Evaluation;

/// <summary>
/// SQL expressions reading one field as each type (SQL NULL when the value is not of it): what <see cref="Probe"/> is
/// in memory. <see cref="ListHas"/> builds "some string element passes <c>{0}</c>" over the element as <c>j.v</c>.
/// <see cref="Row"/>, for a value kept in a row of its own (at most one per profile), builds "the profile's row passes
/// <c>{0}</c>" with the expressions reading that row's columns: an <c>EXISTS</c> the engine may answer for every
/// profile in one pass (PostgreSQL joins or hashes it) where a scalar subquery is looked up profile by profile.
/// </summary>
internal sealed record SqlValue(string Exists, string Text, string Number, string Bool, Func<string, string> ListHas, Func<string, string>? Row = null);
