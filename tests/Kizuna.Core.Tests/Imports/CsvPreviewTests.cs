using System.Text;

namespace Kizuna.Imports;

public sealed class CsvPreviewTests
{
    [Fact]
    public async Task ReadAsync_HeaderWithByteOrderMark_ReturnsColumnsAsTheImportMatchesThem()
    {
        using var csv = new TempCsv("\uFEFF Customer ID ;E-mail;Rank", "m-1;a@example.test;gold", "m-2;;silver", "m-3;c@example.test;bronze");

        var preview = await CsvPreview.ReadAsync(csv.Path, ';', null, rows: 2, TestContext.Current.CancellationToken);

        Assert.Equal(["Customer ID", "E-mail", "Rank"], preview.Columns);
        Assert.Equal(2, preview.Rows.Count);
        Assert.Equal("a@example.test", preview.Example(1));
        Assert.Equal("gold", preview.Example(2));
    }

    [Fact]
    public async Task ReadAsync_ShortLine_FillsMissingFieldsWithEmpty()
    {
        using var csv = new TempCsv("a,b,c", "1", "2,x,y");

        var preview = await CsvPreview.ReadAsync(csv.Path, ',', null, rows: 5, TestContext.Current.CancellationToken);

        Assert.Equal(["1", "", ""], preview.Rows[0]);
        Assert.Equal("x", preview.Example(1));
    }

    [Fact]
    public async Task ReadAsync_ShiftJisFile_ReadsJapaneseHeaders()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kizuna-test-{Guid.NewGuid():N}.csv");
        var shiftJis = CodePagesEncodingProvider.Instance.GetEncoding("shift_jis")!;
        await File.WriteAllTextAsync(path, "会員番号,氏名\nm-1,山田 花子\n", shiftJis, TestContext.Current.CancellationToken);
        try
        {
            var preview = await CsvPreview.ReadAsync(path, ',', shiftJis, rows: 1, TestContext.Current.CancellationToken);

            Assert.Equal(["会員番号", "氏名"], preview.Columns);
            Assert.Equal("山田 花子", preview.Example(1));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kizuna-test-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "", TestContext.Current.CancellationToken);
        try
        {
            var refused = await Assert.ThrowsAsync<ImportMappingException>(() =>
                CsvPreview.ReadAsync(path, ',', null, rows: 5, TestContext.Current.CancellationToken));

            Assert.Equal("file", refused.Field);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
