using Dapper;

namespace Kizuna.Segments.Evaluation;

/// <summary>A compiled definition: SQL selecting the member profile ids (<c>SELECT p.id …</c>) and its parameters for Dapper.</summary>
public sealed record SegmentQuery(string Sql, DynamicParameters Parameters);
