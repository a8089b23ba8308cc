namespace Kizuna.Imports;

/// <summary>The shipped mapping against the first lines of the real UCI Online Retail file, checked by a plain line scan.</summary>
public sealed class OnlineRetailImportTests
{
    private const int Lines = 20_000;

    [Fact]
    public async Task ImportAsync_OnlineRetailSample_CountsMatchALineScanAndReRunStoresNothing()
    {
        if (DataFile() is not { } source)
        {
            Assert.Skip("shared/data/online_retail.csv was not found above the test folder.");
            return;
        }

        var sample = Path.Combine(Path.GetTempPath(), $"kizuna-retail-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(sample, File.ReadLines(source).Take(Lines + 1), TestContext.Current.CancellationToken);
        try
        {
            var expected = Scan(sample);
            await using var host = await CoreHost.StartAsync();
            var mapping = ImportMappingParser.Parse(await File.ReadAllTextAsync(
                Path.Combine(ImportMappingParserTests.RepositoryRoot(), "docs", "examples", "online_retail.mapping.json"), TestContext.Current.CancellationToken));
            var service = host.Get<ImportService>();

            var first = await service.ImportAsync(host.Workspace.Id, sample, mapping, null, TestContext.Current.CancellationToken);
            var events = await host.CountAsync("SELECT COUNT(*) FROM events WHERE workspace_id = @ws");
            var second = await service.ImportAsync(host.Workspace.Id, sample, mapping, null, TestContext.Current.CancellationToken);

            Assert.Equal(Lines, first.LinesRead);
            Assert.Equal(expected.Orders, first.Orders);
            Assert.Equal(expected.Customers, first.Customers);
            Assert.Equal(expected.Cancellations, first.Cancellations);
            Assert.Equal(expected.WithoutCustomer, first.SkippedWithoutCustomer);
            Assert.Equal(0, first.BadLines);
            Assert.Equal(expected.Orders, await host.CountAsync("SELECT COUNT(*) FROM orders WHERE workspace_id = @ws"));
            Assert.Equal(expected.OrderLines, await host.CountAsync("SELECT COUNT(*) FROM order_lines WHERE workspace_id = @ws"));
            Assert.Equal(expected.Customers, await host.CountAsync("SELECT COUNT(*) FROM profiles WHERE workspace_id = @ws AND merged_into IS NULL"));
            Assert.Equal(0, second.Stored);
            Assert.Equal(first.Stored, second.Duplicates);
            Assert.Equal(events, await host.CountAsync("SELECT COUNT(*) FROM events WHERE workspace_id = @ws"));
        }
        finally
        {
            File.Delete(sample);
        }
    }

    /// <summary>
    /// Counts by splitting from the right: descriptions may hold quoted commas, but the last two columns
    /// (CustomerID, Country) and the first (InvoiceNo) never do.
    /// </summary>
    private static (long Orders, long OrderLines, long Customers, long Cancellations, long WithoutCustomer) Scan(string path)
    {
        var orders = new HashSet<string>();
        var cancellations = new HashSet<string>();
        var customers = new HashSet<string>();
        long orderLines = 0, withoutCustomer = 0;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var invoice = line[..line.IndexOf(',', StringComparison.Ordinal)];
            var end = line.LastIndexOf(',');
            var customer = line[(line.LastIndexOf(',', end - 1) + 1)..end];
            if (customer.Length == 0)
            {
                withoutCustomer++;
                continue;
            }

            customers.Add(customer);
            if (invoice.StartsWith('C'))
            {
                cancellations.Add(invoice);
            }
            else
            {
                orders.Add(invoice);
                orderLines++;
            }
        }

        return (orders.Count, orderLines, customers.Count, cancellations.Count, withoutCustomer);
    }

    private static string? DataFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "online_retail.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
