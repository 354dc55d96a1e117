using System.Globalization;
using System.Text;
using Broadcart.Grains.Archive;

namespace Broadcart.Api.Archive;

/// <summary>A room's chat as CSV (RFC 4180), with deleted messages marked rather than left out.</summary>
public static class ChatCsv
{
    public const string Header = "seq,sentAt,messageId,userId,name,text,deleted";

    public static string Render(IEnumerable<ArchivedEvent> events)
    {
        var chat = new List<ArchivedEvent>();
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case ArchivedEvent.Chat:
                    chat.Add(e);
                    break;
                case ArchivedEvent.ChatDeleted when e.MessageId is not null:
                    deleted.Add(e.MessageId);
                    break;
            }
        }

        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var m in chat.OrderBy(m => m.Seq))
        {
            csv.Append(m.Seq?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(m.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(m.MessageId)).Append(',')
                .Append(Field(m.UserId)).Append(',')
                .Append(Field(m.Name)).Append(',')
                .Append(Field(m.Text)).Append(',')
                .Append(m.MessageId is not null && deleted.Contains(m.MessageId) ? "true" : "false")
                .Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // A leading =, +, - or @ would run as a formula in a spreadsheet: quote it as text.
        var safe = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 || safe != value
            ? "\"" + safe.Replace("\"", "\"\"") + "\""
            : safe;
    }
}
