using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Kizuna.Commerce;
using Kizuna.Storage;

namespace Kizuna.Ingestion;

/// <summary>
/// Validates one message of the Segment tracking spec and lifts out what the writer acts on. Every refusal
/// names the field and the reason, so a client developer can fix the call from the answer alone.
/// </summary>
public sealed class SegmentParser(IngestionOptions options)
{
    /// <summary>The longest messageId, userId, anonymousId or previousId accepted, in characters.</summary>
    public const int MaxIdLength = 512;

    /// <summary>What a refused date-time is told (<c>timestamp</c>, <c>sentAt</c>, …).</summary>
    public const string DateRule = "must be an ISO-8601 date-time such as 2026-11-23T10:00:00Z";

    /// <param name="message">The message object.</param>
    /// <param name="index">Its position in the request, for the error.</param>
    /// <param name="pathType">The type the endpoint implies (<c>/v1/track</c>), or null for <c>/v1/batch</c>.</param>
    /// <param name="batchSentAt">The batch's <c>sentAt</c>, used when the message has none.</param>
    /// <param name="receivedAt">When the request arrived.</param>
    public ParseResult Parse(JsonElement message, int index, MessageType? pathType, DateTimeOffset? batchSentAt, DateTimeOffset receivedAt)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return Fail(index, null, "", "a message must be a JSON object");
        }

        var raw = JsonMarshal.GetRawUtf8Value(message);
        if (!Utf8.IsValid(raw))
        {
            var validId = message.TryGetProperty("messageId", out var badIdElement) && Utf8Check.IsValid(badIdElement) ? Id(badIdElement) : null;
            var (field, reason) = Utf8Check.Find(message, "")!.Value;
            return Fail(index, validId, field, reason);
        }

        var messageId = message.TryGetProperty("messageId", out var idElement) ? Id(idElement) : null;
        if (raw.Length > options.MaxMessageBytes)
        {
            return Fail(index, messageId, "", $"the message is {raw.Length} bytes; the limit is {options.MaxMessageBytes}");
        }

        if (HasUnstorableEscape(raw))
        {
            return Fail(index, messageId, "", "holds a NUL character (\\u0000) or half of a surrogate pair (\\ud800), which text cannot store");
        }

        if (TypeOf(message, pathType) is not { } type)
        {
            return Fail(index, messageId, "type", "must be one of identify, track, page, screen, group, alias");
        }

        if (messageId is null && IdProblem(idElement) is { } messageIdProblem)
        {
            return Fail(index, null, "messageId", messageIdProblem);
        }

        var userId = message.TryGetProperty("userId", out var u) ? Id(u) : null;
        var anonymousId = message.TryGetProperty("anonymousId", out var a) ? Id(a) : null;
        if (userId is null && IdProblem(u) is { } userIdProblem)
        {
            return Fail(index, messageId, "userId", userIdProblem);
        }

        if (anonymousId is null && IdProblem(a) is { } anonymousIdProblem)
        {
            return Fail(index, messageId, "anonymousId", anonymousIdProblem);
        }

        string? previousId = null;
        if (type == MessageType.Alias)
        {
            previousId = message.TryGetProperty("previousId", out var p) ? Id(p) : null;
            if (previousId is null && IdProblem(p) is { } previousIdProblem)
            {
                return Fail(index, messageId, "previousId", previousIdProblem);
            }

            if (previousId is null)
            {
                return Fail(index, messageId, "previousId", "is required for alias");
            }

            if (userId is null)
            {
                return Fail(index, messageId, "userId", "is required for alias");
            }
        }
        else if (userId is null && anonymousId is null)
        {
            return Fail(index, messageId, "userId", "userId or anonymousId is required");
        }

        string? groupId = null;
        if (type == MessageType.Group)
        {
            message.TryGetProperty("groupId", out var g);
            if ((groupId = Id(g)) is null)
            {
                return Fail(index, messageId, "groupId", IdProblem(g) ?? "is required for group");
            }
        }

        var name = type switch
        {
            MessageType.Track => Text(message, "event"),
            MessageType.Page or MessageType.Screen => Text(message, "name"),
            _ => null,
        };
        if (type == MessageType.Track && string.IsNullOrWhiteSpace(name))
        {
            return Fail(index, messageId, "event", "is required for track and must be a non-empty string");
        }

        foreach (var member in (ReadOnlySpan<string>)["properties", "traits", "context", "integrations"])
        {
            if (message.TryGetProperty(member, out var value) && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                return Fail(index, messageId, member, "must be an object");
            }
        }

        var (stated, timestamp, replaced, timeError) = Timestamp(message, index, messageId, batchSentAt, receivedAt);
        if (timeError is not null)
        {
            return new ParseResult(null, timeError);
        }

        var context = message.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        // Only identify and group keep traits; the context.traits that SDKs attach to every track are left as sent.
        var (traits, traitsField) = type is not (MessageType.Identify or MessageType.Group) ? (default, "")
            : message.TryGetProperty("traits", out var t) && t.ValueKind == JsonValueKind.Object ? (t, "traits")
            : context.ValueKind == JsonValueKind.Object && context.TryGetProperty("traits", out var ct) && ct.ValueKind == JsonValueKind.Object ? (ct, "context.traits")
            : (default, "");
        if (traits.ValueKind == JsonValueKind.Object && TraitsError(traits) is { } traitError)
        {
            return Fail(index, messageId, $"{traitsField}.{traitError.Field}", traitError.Reason);
        }

        var properties = message.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object ? props : default;
        OrderEvent? order = null;
        IngestError? warning = null;
        if (type == MessageType.Track && CommerceEvents.Kind(name!) is { } orderKind)
        {
            var (parsed, orderError, skipped) = CommerceEvents.Parse(orderKind, properties);
            if (orderError is not null)
            {
                return Fail(index, messageId, $"properties.{orderError.Value.Field}", orderError.Value.Reason);
            }

            order = parsed;
            warning = skipped is { } s ? new IngestError(index, messageId, $"properties.{s.Field}", s.Reason) : null;
        }

        return new ParseResult(new IngestMessage
        {
            Type = type,
            MessageId = messageId ?? Guid.CreateVersion7(receivedAt).ToString(),
            UserId = userId,
            AnonymousId = anonymousId,
            PreviousId = previousId,
            GroupId = groupId,
            Name = name,
            PropertiesJson = properties.ValueKind == JsonValueKind.Object ? properties.GetRawText() : null,
            TraitsJson = traits.ValueKind == JsonValueKind.Object ? traits.GetRawText() : null,
            ContextJson = replaced && stated is { } kept ? WithOriginalTimestamp(context, kept)
                : context.ValueKind == JsonValueKind.Object ? context.GetRawText() : null,
            Context = context.ValueKind == JsonValueKind.Object ? ContextOf(context) : null,
            StatedTimestamp = stated,
            Timestamp = timestamp,
            ReceivedAt = receivedAt,
            Order = order,
        }, null, warning);
    }

    private static MessageType? TypeOf(JsonElement message, MessageType? pathType)
    {
        if (pathType is { } fromPath)
        {
            return fromPath;
        }

        return Text(message, "type")?.ToLowerInvariant() switch
        {
            "identify" => MessageType.Identify,
            "track" => MessageType.Track,
            "page" => MessageType.Page,
            "screen" => MessageType.Screen,
            "group" => MessageType.Group,
            "alias" => MessageType.Alias,
            _ => null,
        };
    }

    /// <summary>
    /// When it happened: <c>timestamp</c>, else <c>originalTimestamp</c>, corrected for the device's clock by
    /// <c>receivedAt − (sentAt − timestamp)</c> when the client says when it sent the message, or the arrival time
    /// (<c>Replaced</c>) when that lies outside the window the options allow; also the time as stated.
    /// </summary>
    private (DateTimeOffset? Stated, DateTimeOffset Value, bool Replaced, IngestError? Error) Timestamp(
        JsonElement message, int index, string? messageId, DateTimeOffset? batchSentAt, DateTimeOffset receivedAt)
    {
        DateTimeOffset? happened = null;
        DateTimeOffset? sentAt = batchSentAt;
        foreach (var field in (ReadOnlySpan<string>)["timestamp", "originalTimestamp", "sentAt"])
        {
            if (!message.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (!TryDate(value, out var parsed))
            {
                return (null, default, false, new IngestError(index, messageId, field, DateRule));
            }

            if (field == "sentAt")
            {
                sentAt = parsed;
            }
            else
            {
                happened ??= parsed;
            }
        }

        if (happened is not { } ts)
        {
            return (null, receivedAt, false, null);
        }

        // A time outside the window around the arrival is a broken clock, not a fact: the arrival time stands in.
        var corrected = Corrected(ts, sentAt, receivedAt);
        var inWindow = corrected <= receivedAt + options.MaxTimestampAhead && corrected >= receivedAt - options.MaxTimestampAge;
        return (ts, inWindow ? corrected : receivedAt, !inWindow, null);
    }

    /// <summary>The message's context with the time the client stated, kept when the arrival time replaced it.</summary>
    private static string WithOriginalTimestamp(JsonElement context, DateTimeOffset stated)
    {
        var node = context.ValueKind == JsonValueKind.Object ? JsonNode.Parse(context.GetRawText())!.AsObject() : [];
        node["originalTimestamp"] = stated.ToString("O", CultureInfo.InvariantCulture);
        return node.ToJsonString(StoredJson.Options);
    }

    /// <summary>The stated time moved by the client's clock error (receivedAt − sentAt); as stated when that lands outside the calendar.</summary>
    private static DateTimeOffset Corrected(DateTimeOffset stated, DateTimeOffset? sentAt, DateTimeOffset receivedAt)
    {
        if (sentAt is not { } sent)
        {
            return stated;
        }

        var skew = receivedAt - sent;
        var room = skew >= TimeSpan.Zero ? DateTimeOffset.MaxValue - stated : stated - DateTimeOffset.MinValue;
        return skew.Duration() < room ? stated + skew : stated;
    }

    public static bool TryDate(JsonElement value, out DateTimeOffset parsed)
    {
        parsed = default;
        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out parsed);
    }

    private static (string Field, string Reason)? TraitsError(JsonElement traits)
    {
        foreach (var field in (ReadOnlySpan<string>)["email", "phone", "firstName", "lastName", "name", "gender", "timezone", "locale"])
        {
            if (traits.TryGetProperty(field, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (field, "must be a string");
            }
        }

        if (traits.TryGetProperty("age", out var age) && age.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
        {
            return ("age", "must be a number");
        }

        foreach (var field in (ReadOnlySpan<string>)["birthday", "createdAt"])
        {
            if (traits.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null && !TryDate(value, out _))
            {
                return (field, "must be an ISO-8601 date");
            }
        }

        return null;
    }

    private static ProfileContext? ContextOf(JsonElement context)
    {
        var result = new ProfileContext(
            Text(context, "timezone"),
            Text(context, "locale"),
            Raw(context, "device"),
            Raw(context, "campaign"),
            Raw(context, "library"));
        return result.IsEmpty ? null : result;
    }

    private static string? Raw(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.GetRawText() : null;

    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Ids may be strings or numbers (Segment accepts both); they are kept as strings.</summary>
    public static string? Id(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString() is { Length: > 0 and <= MaxIdLength } s => s,
        JsonValueKind.Number when value.GetRawText() is { Length: <= MaxIdLength } n => n,
        _ => null,
    };

    /// <summary>Why an identifier that is present cannot be used; null when it can, or when it is absent.</summary>
    public static string? IdProblem(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String when value.ValueEquals(""u8) => "must not be empty",
        JsonValueKind.String or JsonValueKind.Number => Id(value) is null ? $"must be at most {MaxIdLength} characters" : null,
        _ => "must be a string or a number",
    };

    /// <summary>
    /// Whether the JSON text escapes a character PostgreSQL cannot store in text or jsonb: NUL (<c>\u0000</c>) or
    /// half of a surrogate pair (<c>\ud800</c> alone). One such message would fail the whole commit it shares with
    /// other requests; SQLite would keep it, but both engines answer alike.
    /// </summary>
    private static bool HasUnstorableEscape(ReadOnlySpan<byte> json)
    {
        var offset = 0;
        while (json[offset..].IndexOf("\\u"u8) is var found and >= 0)
        {
            var at = offset + found;
            offset = at + 2;
            if (IsEscaped(json, at) || !TryHex(json, at + 2, out var unit))
            {
                continue;   // "\\u…" is an escaped backslash followed by text; a malformed escape was refused by the JSON reader
            }

            if (unit == 0 || char.IsLowSurrogate((char)unit))
            {
                return true;
            }

            if (char.IsHighSurrogate((char)unit))
            {
                if (json.Length < at + 12 || json[at + 6] != (byte)'\\' || json[at + 7] != (byte)'u'
                    || !TryHex(json, at + 8, out var low) || !char.IsLowSurrogate((char)low))
                {
                    return true;
                }

                offset = at + 12;   // the pair is whole
            }
        }

        return false;

        // An odd run of backslashes before it makes this backslash itself escaped text.
        static bool IsEscaped(ReadOnlySpan<byte> json, int at)
        {
            var backslashes = 0;
            while (at > backslashes && json[at - backslashes - 1] == (byte)'\\')
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }

        static bool TryHex(ReadOnlySpan<byte> json, int start, out int value)
        {
            value = 0;
            return json.Length >= start + 4
                && int.TryParse(json.Slice(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
    }

    private static ParseResult Fail(int index, string? messageId, string field, string reason) =>
        new(null, new IngestError(index, messageId, field, reason));
}
