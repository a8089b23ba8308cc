namespace Kizuna.Segments.Evaluation;

/// <summary>
/// SQL expressions reading one field as each type (SQL NULL when the value is not of it): what <see cref="Probe"/> is
/// in memory. <see cref="ListHas"/> builds "some string element passes <c>{0}</c>" over the element as <c>j.v</c>.
/// </summary>
internal sealed record SqlValue(string Exists, string Text, string Number, string Bool, Func<string, string> ListHas);
