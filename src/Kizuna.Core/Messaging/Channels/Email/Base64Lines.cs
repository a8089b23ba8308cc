using System.Buffers;
using System.Buffers.Text;

namespace Kizuna.Messaging.Channels.Email;

/// <summary>Base64 for a MIME body part: lines of 76 characters ending in CRLF (RFC 2045), written into a caller's buffer.</summary>
internal static class Base64Lines
{
    /// <summary>Input bytes per full line: 57 bytes are 76 characters.</summary>
    private const int LineBytes = 57;

    /// <summary>Encodes <paramref name="input"/> into <paramref name="output"/> (which must hold <see cref="QuotedPrintable.MaxEncodedLength"/> bytes) and returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var written = 0;
        while (!input.IsEmpty)
        {
            var line = input[..Math.Min(LineBytes, input.Length)];
            if (Base64.EncodeToUtf8(line, output[written..], out _, out var encoded) != OperationStatus.Done)
            {
                throw new InvalidOperationException("The base64 output buffer is too small.");
            }

            written += encoded;
            input = input[line.Length..];
            if (!input.IsEmpty)
            {
                output[written++] = (byte)'\r';
                output[written++] = (byte)'\n';
            }
        }

        return written;
    }
}
