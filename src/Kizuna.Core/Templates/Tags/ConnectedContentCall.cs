using Fluid;

namespace Kizuna.Templates.Tags;

/// <summary>A parsed <c>connected_content</c> tag: the URL (itself Liquid) and the variable to save the response in.</summary>
internal sealed record ConnectedContentCall(IFluidTemplate Url, string? SaveAs);
