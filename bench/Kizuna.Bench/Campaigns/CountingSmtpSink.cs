using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kizuna.Bench.Campaigns;

/// <summary>
/// An SMTP sink on a loopback port that accepts every message (with pipelining, like postfix's <c>smtp-sink</c>) and
/// counts it: per recipient <c>c&lt;n&gt;@example.com</c>, per Message-ID (the same id twice is the same outbox message
/// sent twice) and per sending server (the From display name each server is given). The message body is scanned for
/// its end only; the headers are read.
/// </summary>
public sealed class CountingSmtpSink : IAsyncDisposable
{
    private static readonly byte[] End = "\r\n.\r\n"u8.ToArray();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _bySender = new(StringComparer.Ordinal);
    private int[] _perRecipient;
    private long _received;
    private long _sameId;
    private long _unknown;
    private long _firstArrival;
    private long _lastArrival;
    private readonly List<byte[]> _samples = [];

    public CountingSmtpSink(int recipients)
    {
        _perRecipient = new int[recipients];
        _listener.Start(512);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Messages received since the last <see cref="Reset"/>.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>When the first message since the last <see cref="Reset"/> arrived (a <see cref="Stopwatch"/> timestamp).</summary>
    public long FirstArrival => Interlocked.Read(ref _firstArrival);

    /// <summary>The first thousand messages received, as they came (for a raw blast of the same messages).</summary>
    public IReadOnlyList<byte[]> Samples => _samples;

    /// <summary>When the last message arrived (a <see cref="Stopwatch"/> timestamp).</summary>
    public long LastArrival => Interlocked.Read(ref _lastArrival);

    /// <summary>Messages whose Message-ID had arrived before.</summary>
    public long SameMessageId => Interlocked.Read(ref _sameId);

    /// <summary>Recipients that are not one of the bench's.</summary>
    public long Unknown => Interlocked.Read(ref _unknown);

    public IReadOnlyDictionary<string, long> BySender => _bySender;

    /// <summary>How many recipients got no message, exactly one, and more than one.</summary>
    public (long None, long One, long More, long Extra) Tally()
    {
        long none = 0, one = 0, more = 0, extra = 0;
        foreach (var count in _perRecipient)
        {
            (none, one, more, extra) = count switch
            {
                0 => (none + 1, one, more, extra),
                1 => (none, one + 1, more, extra),
                _ => (none, one, more + 1, extra + count - 1),
            };
        }

        return (none, one, more, extra);
    }

    /// <summary>Starts counting afresh (a second campaign to the same recipients).</summary>
    public void Reset()
    {
        _perRecipient = new int[_perRecipient.Length];
        _ids.Clear();
        _bySender.Clear();
        (_received, _sameId, _unknown, _firstArrival, _lastArrival) = (0, 0, 0, 0, 0);
    }

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            socket.NoDelay = true;
            _ = Task.Run(() => ServeAsync(socket, ct), ct);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken ct)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = PipeReader.Create(stream);
        var recipients = new List<string>();
        var replies = new StringBuilder("220 kizuna-bench ESMTP\r\n");
        var inData = false;
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(replies.ToString()), ct);
            while (true)
            {
                var read = await reader.ReadAsync(ct);
                var buffer = read.Buffer;
                replies.Clear();
                var quit = Process(ref buffer, ref inData, recipients, replies);
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (replies.Length > 0)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(replies.ToString()), ct);
                }

                if (quit || read.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
            // The client went away, or the sink is stopping.
        }
    }

    /// <summary>Answers every whole command and message in <paramref name="buffer"/> (pipelined ones together); true on QUIT.</summary>
    private bool Process(ref ReadOnlySequence<byte> buffer, ref bool inData, List<string> recipients, StringBuilder replies)
    {
        while (true)
        {
            var sequence = new SequenceReader<byte>(buffer);
            if (inData)
            {
                if (!sequence.TryReadTo(out ReadOnlySequence<byte> message, End))
                {
                    return false;
                }

                Count(message, recipients);
                recipients.Clear();
                inData = false;
                replies.Append("250 2.0.0 Ok: queued\r\n");
            }
            else
            {
                if (!sequence.TryReadTo(out ReadOnlySequence<byte> line, "\r\n"u8))
                {
                    return false;
                }

                var command = Encoding.ASCII.GetString(line);
                switch (command.Length >= 4 ? command[..4].ToUpperInvariant() : command.ToUpperInvariant())
                {
                    case "EHLO":
                        replies.Append("250-kizuna-bench\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 104857600\r\n");
                        break;
                    case "RCPT":
                        recipients.Add(command[(command.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>'));
                        replies.Append("250 2.1.5 Ok\r\n");
                        break;
                    case "DATA":
                        inData = true;
                        replies.Append("354 End data with <CR><LF>.<CR><LF>\r\n");
                        break;
                    case "QUIT":
                        replies.Append("221 2.0.0 Bye\r\n");
                        buffer = buffer.Slice(sequence.Position);
                        return true;
                    case "MAIL" or "RSET":
                        recipients.Clear();
                        replies.Append("250 2.0.0 Ok\r\n");
                        break;
                    default:
                        replies.Append("250 2.0.0 Ok\r\n");
                        break;
                }
            }

            buffer = buffer.Slice(sequence.Position);
        }
    }

    private void Count(ReadOnlySequence<byte> message, List<string> recipients)
    {
        var reader = new SequenceReader<byte>(message);
        var headers = reader.TryReadTo(out ReadOnlySequence<byte> head, "\r\n\r\n"u8) ? Encoding.UTF8.GetString(head) : string.Empty;
        var id = Header(headers, "Message-ID:");
        if (id.Length > 0 && !_ids.TryAdd(id, 0))
        {
            Interlocked.Increment(ref _sameId);
        }

        var from = Header(headers, "From:");
        var sender = from.Replace("\"", string.Empty, StringComparison.Ordinal) is var name && name.IndexOf('<', StringComparison.Ordinal) is var angle and > 0 ? name[..angle].Trim() : from;
        _bySender.AddOrUpdate(sender, 1, (_, n) => n + 1);
        foreach (var recipient in recipients)
        {
            var at = recipient.IndexOf('@', StringComparison.Ordinal);
            if (recipient.StartsWith('c') && at > 1 && int.TryParse(recipient.AsSpan(1, at - 1), out var n) && n >= 0 && n < _perRecipient.Length)
            {
                Interlocked.Increment(ref _perRecipient[n]);
            }
            else
            {
                Interlocked.Increment(ref _unknown);
            }
        }

        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstArrival, now, 0);
        Interlocked.Exchange(ref _lastArrival, now);
        if (_samples.Count < 1_000)
        {
            lock (_samples)
            {
                if (_samples.Count < 1_000)
                {
                    _samples.Add(message.ToArray());
                }
            }
        }

        Interlocked.Increment(ref _received);
    }

    private static string Header(string headers, string name)
    {
        var start = headers.StartsWith(name, StringComparison.OrdinalIgnoreCase) ? 0 : headers.IndexOf("\r\n" + name, StringComparison.OrdinalIgnoreCase) is var i and >= 0 ? i + 2 : -1;
        if (start < 0)
        {
            return string.Empty;
        }

        var end = headers.IndexOf("\r\n", start, StringComparison.Ordinal);
        return headers[(start + name.Length)..(end < 0 ? headers.Length : end)].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
