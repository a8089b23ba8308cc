using System.Buffers;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// RFC 2045 quoted-printable for a MIME body part, written straight into a caller's buffer: printable ASCII as it is,
/// <c>=</c>, control characters and 8-bit bytes as <c>=XX</c>, a space or tab before a line break as <c>=20</c>/<c>=09</c>,
/// every line break (LF or CRLF) as CRLF, and soft breaks keeping lines within 76 characters. MimeKit's encoder does the
/// same through a chain of stream filters, which cost most of a 15 KB message's CPU on the send path. Runs of bytes
/// that stay as they are (most of an HTML email) are found with a vectorised search and copied whole.
/// </summary>
internal static class QuotedPrintable
{
    private const int MaxLine = 75;
    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();

    /// <summary>Every byte that is not copied as it is without a look around it: all but printable ASCII and the space, and <c>=</c>.</summary>
    private static readonly SearchValues<byte> Special = SearchValues.Create([.. Enumerable.Range(0, 256).Where(b => b is < 32 or > 126 or '=').Select(b => (byte)b)]);

    /// <summary>The most bytes <see cref="Encode"/> can write for <paramref name="length"/> input bytes.</summary>
    public static int MaxEncodedLength(int length) => (length * 3) + ((length * 3 / (MaxLine - 3)) + 1) * 3 + 2;

    /// <summary>Encodes <paramref name="input"/> into <paramref name="output"/> and returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        var column = 0;
        var i = 0;
        while (i < input.Length)
        {
            var run = input[i..].IndexOfAny(Special);
            var end = run < 0 ? input.Length : i + run;
            if (end > i)
            {
                // A space at the end of a line would be dropped by the receiver: it is encoded.
                var spaceLast = input[end - 1] == (byte)' ' && LineEndsAt(input, end);
                for (var from = i; from < end - (spaceLast ? 1 : 0);)
                {
                    if (column == MaxLine)
                    {
                        SoftBreak(output, ref written, ref column);
                    }

                    var take = Math.Min(MaxLine - column, end - (spaceLast ? 1 : 0) - from);
                    input.Slice(from, take).CopyTo(output[written..]);
                    (written, column, from) = (written + take, column + take, from + take);
                }

                if (spaceLast)
                {
                    Escaped(output, (byte)' ', ref written, ref column);
                }

                i = end;
                continue;
            }

            var b = input[i];
            if (b == (byte)'\n' || (b == (byte)'\r' && i + 1 < input.Length && input[i + 1] == (byte)'\n'))
            {
                i += b == (byte)'\r' ? 2 : 1;
                output[written++] = (byte)'\r';
                output[written++] = (byte)'\n';
                column = 0;
                continue;
            }

            if (b == (byte)'\t' && !LineEndsAt(input, i + 1))
            {
                if (column == MaxLine)
                {
                    SoftBreak(output, ref written, ref column);
                }

                output[written++] = b;
                column++;
            }
            else
            {
                Escaped(output, b, ref written, ref column);
            }

            i++;
        }

        return written;
    }

    private static bool LineEndsAt(ReadOnlySpan<byte> input, int at) =>
        at == input.Length || input[at] == (byte)'\n' || (input[at] == (byte)'\r' && at + 1 < input.Length && input[at + 1] == (byte)'\n');

    private static void Escaped(Span<byte> output, byte b, ref int written, ref int column)
    {
        if (column + 3 > MaxLine)
        {
            SoftBreak(output, ref written, ref column);
        }

        output[written] = (byte)'=';
        output[written + 1] = Hex[b >> 4];
        output[written + 2] = Hex[b & 0xF];
        (written, column) = (written + 3, column + 3);
    }

    private static void SoftBreak(Span<byte> output, ref int written, ref int column)
    {
        output[written] = (byte)'=';
        output[written + 1] = (byte)'\r';
        output[written + 2] = (byte)'\n';
        (written, column) = (written + 3, 0);
    }
}
