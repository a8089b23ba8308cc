using System.Text;

namespace Kizuna.Templates.Engine;

/// <summary>
/// Counts what a render writes and stops it at the output cap; also the cheap place to check the wall-time budget,
/// since every loop that produces output passes through here.
/// </summary>
internal sealed class LimitedTextWriter(TextWriter? inner, StringBuilder? builder, RenderScope scope) : TextWriter
{
    private const int DeadlineCheckInterval = 64;
    private readonly int _max = scope.Limits.MaxOutputChars;
    private long _written;
    private int _writesSinceCheck;

    public override Encoding Encoding => inner?.Encoding ?? Encoding.Unicode;

    public override void Write(char value)
    {
        Count(1);
        if (builder is not null)
        {
            builder.Append(value);
        }
        else
        {
            inner!.Write(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        Count(value.Length);
        if (builder is not null)
        {
            builder.Append(value);
        }
        else
        {
            inner!.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Count(count);
        if (builder is not null)
        {
            builder.Append(buffer, index, count);
        }
        else
        {
            inner!.Write(buffer, index, count);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Count(buffer.Length);
        if (builder is not null)
        {
            builder.Append(buffer);
        }
        else
        {
            inner!.Write(buffer);
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    private void Count(int chars)
    {
        _written += chars;
        if (_written > _max)
        {
            throw new TemplateFaultException(TemplateErrorKind.Limit, $"The output is larger than the limit of {_max} characters.");
        }

        if (++_writesSinceCheck >= DeadlineCheckInterval)
        {
            _writesSinceCheck = 0;
            scope.CheckDeadline();
        }
    }
}
