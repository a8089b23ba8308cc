namespace Kizuna.Workspaces;

/// <summary>A new invitation with the secret its link carries, which is shown this once.</summary>
public sealed record CreatedInvitation(Invitation Invitation, string Secret);
