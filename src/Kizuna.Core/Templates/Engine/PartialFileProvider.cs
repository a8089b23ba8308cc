using Fluid;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Fluid asks a file provider for partials synchronously; this one answers from the partials the current render
/// has already resolved (see <see cref="PartialStatement"/>), so no I/O happens on Fluid's synchronous path.
/// </summary>
// ITemplateCache is marked experimental; it is the only way to hand Fluid a partial parsed elsewhere.
#pragma warning disable FLUID001
internal sealed class PartialFileProvider : IFileProvider, ITemplateCache
#pragma warning restore FLUID001
{
    public static readonly AsyncLocal<RenderScope?> Current = new();

    public static string Normalise(string name) =>
        name.EndsWith(".liquid", StringComparison.Ordinal) ? name[..^".liquid".Length] : name;

    public IFileInfo GetFileInfo(string subpath) =>
        Current.Value is { } scope && scope.TryGetResolvedPartial(Normalise(subpath), out _)
            ? new ResolvedFileInfo(subpath)
            : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public bool TryGetTemplate(string subpath, DateTimeOffset lastModified, out IFluidTemplate template)
    {
        template = null!;
        return Current.Value is { } scope && scope.TryGetResolvedPartial(Normalise(subpath), out template);
    }

    public void SetTemplate(string subpath, DateTimeOffset lastModified, IFluidTemplate template)
    {
        // Compiled partials live in the template service's cache, keyed by workspace and version.
    }

    private sealed class ResolvedFileInfo(string name) : IFileInfo
    {
        public bool Exists => true;

        public long Length => 0;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => Stream.Null;
    }
}
