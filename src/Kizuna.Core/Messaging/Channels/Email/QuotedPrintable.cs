namespace Kizuna.Messaging.Channels.Email;

/// <summary>
/// RFC 2045 quoted-printable for a MIME body part, written straight into a caller's buffer: printable ASCII as it is,
/// <c>=</c>, control characters and 8-bit bytes as <c>=XX</c>, a space or tab before a line break as <c>=20</c>/<c>=09</c>,
/// every line break (LF or CRLF) as CRLF, and soft breaks keeping lines within 76 characters. MimeKit's encoder does the
/// same through a chain of stream filters, which cost most of a 15 KB message's CPU on the send path.
/// </summary>
internal static class QuotedPrintable
{
    private const int MaxLine = 75;
    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();

    /// <summary>The most bytes <see cref="Encode"/> can write for <paramref name="length"/> input bytes.</summary>
    public static int MaxEncodedLength(int length) => (length * 3) + ((length * 3 / (MaxLine - 3)) + 1) * 3 + 2;

    /// <summary>Encodes <paramref name="input"/> into <paramref name="output"/> and returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        var column = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (b == (byte)'\n' || (b == (byte)'\r' && i + 1 < input.Length && input[i + 1] == (byte)'\n'))
            {
                i += b == (byte)'\r' ? 1 : 0;
                output[written++] = (byte)'\r';
                output[written++] = (byte)'\n';
                column = 0;
                continue;
            }

            // A space or tab at the end of a line would be dropped by the receiver: it is encoded when a line break or
            // the end follows.
            var last = i + 1 == input.Length || input[i + 1] == (byte)'\n' || (input[i + 1] == (byte)'\r' && i + 2 < input.Length && input[i + 2] == (byte)'\n');
            var literal = b is >= 33 and <= 126 and not (byte)'=' || (b is (byte)' ' or (byte)'\t' && !last);
            var width = literal ? 1 : 3;
            if (column + width > MaxLine)
            {
                output[written++] = (byte)'=';
                output[written++] = (byte)'\r';
                output[written++] = (byte)'\n';
                column = 0;
            }

            if (literal)
            {
                output[written++] = b;
            }
            else
            {
                output[written++] = (byte)'=';
                output[written++] = Hex[b >> 4];
                output[written++] = Hex[b & 0xF];
            }

            column += width;
        }

        return written;
    }
}
