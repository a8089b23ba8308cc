using System.Buffers;
using System.Text;
using MimeKit;
using MimeKit.IO;
using MimeKit.IO.Filters;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// An email's <c>multipart/alternative</c> body (the text part, then the HTML part, both UTF-8) whose MIME text is
/// written once, already encoded, into a pooled buffer, and copied as it is whenever MimeKit or MailKit writes the
/// message (to measure it, to sign it, to send it). A <c>MimeMessage</c> built with <c>BodyBuilder</c> instead scans
/// each part for its best encoding and encodes it through MimeKit's filters on every write. Each part is
/// quoted-printable, or base64 when more than a sixth of its bytes are 8-bit (Japanese text), as MimeKit would choose.
/// Dispose returns the buffer.
/// </summary>
internal sealed class EncodedAlternative : MimeEntity
{
    /// <summary>Never inside an encoded part: quoted-printable writes <c>=</c> only before hex digits or a line break, base64 only at the end.</summary>
    public const string Boundary = "=-kizuna-alternative";

    private static readonly byte[] Delimiter = Encoding.ASCII.GetBytes($"--{Boundary}\r\n");
    private static readonly byte[] Close = Encoding.ASCII.GetBytes($"--{Boundary}--\r\n");
    /// <summary>Room for both parts' delimiters and headers and the closing delimiter.</summary>
    private const int PartHeaders = 512;

    private byte[]? _buffer;
    private readonly int _length;

    private EncodedAlternative(byte[] buffer, int length) : base(new ContentType("multipart", "alternative") { Boundary = Boundary })
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The body of <paramref name="text"/> and <paramref name="html"/>.</summary>
    public static EncodedAlternative Create(string text, string html)
    {
        var (textBytes, htmlBytes) = (Encoding.UTF8.GetByteCount(text), Encoding.UTF8.GetByteCount(html));
        var utf8 = ArrayPool<byte>.Shared.Rent(Math.Max(textBytes, htmlBytes));
        var buffer = ArrayPool<byte>.Shared.Rent(PartHeaders + QuotedPrintable.MaxEncodedLength(textBytes) + QuotedPrintable.MaxEncodedLength(htmlBytes));
        try
        {
            var length = WritePart(text, "plain", utf8, buffer, 0);
            length = WritePart(html, "html", utf8, buffer, length);
            Close.CopyTo(buffer.AsSpan(length));
            return new EncodedAlternative(buffer, length + Close.Length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private static int WritePart(string content, string subtype, byte[] utf8, byte[] buffer, int at)
    {
        var input = utf8.AsSpan(0, Encoding.UTF8.GetBytes(content, utf8));
        var base64 = !Ascii.IsValid(input) && EightBit(input) * 6 > input.Length;
        var output = buffer.AsSpan();
        Delimiter.CopyTo(output[at..]);
        at += Delimiter.Length;
        at += Encoding.ASCII.GetBytes(
            $"Content-Type: text/{subtype}; charset=utf-8\r\nContent-Transfer-Encoding: {(base64 ? "base64" : "quoted-printable")}\r\n\r\n", output[at..]);
        at += base64 ? Base64Lines.Encode(input, output[at..]) : QuotedPrintable.Encode(input, output[at..]);
        output[at++] = (byte)'\r';
        output[at++] = (byte)'\n';
        return at;
    }

    private static int EightBit(ReadOnlySpan<byte> input)
    {
        var count = 0;
        foreach (var b in input)
        {
            count += b >> 7;
        }

        return count;
    }

    /// <summary>Nothing to prepare: both parts are 7-bit with lines of at most 76 characters.</summary>
    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
    {
    }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        base.WriteTo(options, stream, contentOnly, cancellationToken);
        var output = Output(options, stream);
        output.Write(Content.Span);
        output.Flush();
        if (output != stream)
        {
            output.Dispose();
        }
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
        var output = Output(options, stream);
        await output.WriteAsync(Content, cancellationToken);
        await output.FlushAsync(cancellationToken);
        if (output != stream)
        {
            await output.DisposeAsync();
        }
    }

    private ReadOnlyMemory<byte> Content => (_buffer ?? throw new ObjectDisposedException(nameof(EncodedAlternative))).AsMemory(0, _length);

    /// <summary>The stream itself when the format's line breaks are CRLF (SMTP's), else a filter over it turning them into LF (it leaves the stream open).</summary>
    private static Stream Output(FormatOptions options, Stream stream)
    {
        if (options.NewLineFormat == NewLineFormat.Dos)
        {
            return stream;
        }

        var filtered = new FilteredStream(stream);
        filtered.Add(new Dos2UnixFilter());
        return filtered;
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }
}
