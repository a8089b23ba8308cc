namespace Kizuna.Templates.ContentBlocks;

/// <summary>A reusable piece of Liquid (footer, header, signature) stored per workspace and versioned.</summary>
public sealed record ContentBlock(string Name, int Version, string Body);
