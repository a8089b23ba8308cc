using Kizuna.Storage;

namespace Kizuna.Messaging.Consent;

/// <summary>A <c>subscription_groups</c> row as Dapper reads it.</summary>
internal sealed class SubscriptionGroupRow
{
    public const string Columns =
        """
        id, workspace_id AS workspaceId, key, channel, name, description, name_ja AS nameJa, description_ja AS descriptionJa,
        opt_in AS optIn, archived, created_at AS createdAt, updated_at AS updatedAt
        """;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public string Key { get; set; } = "";

    public string Channel { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string? NameJa { get; set; }

    public string? DescriptionJa { get; set; }

    public long OptIn { get; set; }

    public long Archived { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public SubscriptionGroup ToGroup() => new(
        Id, WorkspaceId, Key, MessageChannels.Parse(Channel), Name, Description, NameJa, DescriptionJa, OptIn != 0, Archived != 0,
        Epoch.FromMs(CreatedAt), Epoch.FromMs(UpdatedAt));
}
