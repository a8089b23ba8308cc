using System.Xml.Linq;
using Dapper;
using Kizuna.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Kizuna.Server.Security;

/// <summary>
/// Keeps the Data Protection key ring in the database, so dashboard sign-ins survive a restart and are accepted by
/// every node that shares the store. The interface is synchronous; key ring reads are rare and cached by ASP.NET.
/// </summary>
public sealed class DatabaseXmlRepository(Database database, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return [.. connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at").Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        connection.Execute(
            "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @createdAt) ON CONFLICT (name) DO NOTHING",
            new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), createdAt = Epoch.ToMs(time.GetUtcNow()) });
    }
}
