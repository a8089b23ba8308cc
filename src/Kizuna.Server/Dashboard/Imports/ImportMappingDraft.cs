using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuna.Imports;

namespace Kizuna.Server.Dashboard.Imports;

/// <summary>
/// The mapping a person builds on the imports page, one choice per column of the file, written out as the same
/// mapping JSON the API and the CLI take, so the parser checks both ways in alike.
/// </summary>
public sealed class ImportMappingDraft
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ImportKind Kind { get; private set; } = ImportKind.Orders;

    public IReadOnlyList<string> Columns { get; private set; } = [];

    /// <summary>The target of each column, by position.</summary>
    public List<ColumnTarget> Targets { get; } = [];

    public string? TimestampFormat { get; set; }

    public string? TimeZone { get; set; }

    public string? Currency { get; set; }

    /// <summary>The event name of every row of an events import without an <c>event</c> column.</summary>
    public string? Event { get; set; }

    public char Delimiter { get; set; } = ',';

    /// <summary>Ids written as decimals (<c>17850.0</c>, as spreadsheets export them) are read as whole numbers.</summary>
    public bool NumericIds { get; set; }

    /// <summary>Takes a file's columns and guesses each one's target from its name.</summary>
    public void Load(IReadOnlyList<string> columns)
    {
        Columns = columns;
        Guess();
    }

    /// <summary>Changes the kind; the guesses start over, as each kind has its own fields.</summary>
    public void ChangeKind(ImportKind kind)
    {
        Kind = kind;
        Guess();
    }

    /// <summary>The mapping as JSON (members the parser knows, empty options left out).</summary>
    public string ToJson()
    {
        var columns = new JsonObject();
        var extras = new JsonObject();
        for (var i = 0; i < Columns.Count; i++)
        {
            switch (Targets[i])
            {
                case { Kind: ColumnTargetKind.Field, Field: { } field } when !columns.ContainsKey(field):
                    columns[field] = Columns[i];
                    break;
                case { Kind: ColumnTargetKind.Trait or ColumnTargetKind.Property }:
                    extras[ColumnGuess.TraitName(Columns[i])] = Columns[i];
                    break;
            }
        }

        var mapping = new JsonObject { ["kind"] = Kind.ToString().ToLowerInvariant(), ["columns"] = columns };
        if (extras.Count > 0)
        {
            mapping[Kind == ImportKind.Events ? "properties" : "traits"] = extras;
        }

        Add(mapping, "event", Kind == ImportKind.Events ? Event : null);
        Add(mapping, "timestampFormat", TimestampFormat);
        Add(mapping, "timeZone", TimeZone);
        Add(mapping, "currency", Kind is ImportKind.Orders or ImportKind.Products ? Currency : null);
        if (NumericIds)
        {
            mapping["numericIds"] = true;
        }

        Add(mapping, "delimiter", Delimiter == ',' ? null : Delimiter == '\t' ? "\\t" : Delimiter.ToString());
        return mapping.ToJsonString(Indented);
    }

    private static void Add(JsonObject mapping, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            mapping[name] = value.Trim();
        }
    }

    private void Guess()
    {
        Targets.Clear();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            var field = ColumnGuess.Field(Kind, column);
            Targets.Add(string.IsNullOrWhiteSpace(column) ? ColumnTarget.Skip
                : field is not null && taken.Add(field) ? new ColumnTarget(ColumnTargetKind.Field, field)
                : ColumnGuess.Other(Kind));
        }
    }
}
