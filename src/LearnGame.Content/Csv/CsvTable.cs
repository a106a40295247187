using System.Text;

namespace LearnGame.Content.Csv;

/// <summary>
/// A small RFC 4180 reader: the separator (comma or semicolon) is detected on the header line; quoted fields may
/// hold separators, line breaks and doubled quotes. Each record keeps the line it starts on, for error messages.
/// </summary>
internal static class CsvTable
{
    public sealed record Record(int Line, IReadOnlyList<string> Fields);

    public static (IReadOnlyList<Record> Records, char Separator, string? Error, int ErrorLine) Read(string text)
    {
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
        var line = 1;
        var records = new List<Record>();
        // Excel honours a first line "sep=;" and so do we.
        char? declared = null;
        if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length >= 5)
        {
            declared = text[4];
            var end = text.IndexOf('\n');
            text = end < 0 ? "" : text[(end + 1)..];
            line = 2;
        }
        var separator = declared ?? Detect(text);
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = line;
        var quoted = false;
        var quoteLine = 0;
        // Whether the current field holds anything but spaces: a quote only opens a quoted field at its start.
        var started = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && !started)
            {
                field.Clear();
                quoted = true;
                started = true;
                quoteLine = line;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                started = false;
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                started = false;
                records.Add(new(recordLine, fields.ToArray()));
                fields.Clear();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                if (!char.IsWhiteSpace(c)) started = true;
            }
        }
        if (quoted) return (records, separator, "A quoted field is never closed with '\"'.", quoteLine);
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new(recordLine, fields.ToArray()));
        }
        return (records, separator, null, 0);
    }

    /// <summary>The separator is whichever of ';' and ',' appears more often on the header line, outside quotes.</summary>
    private static char Detect(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '\n') break;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }
}
