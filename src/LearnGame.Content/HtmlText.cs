using System.Net;
using System.Text;

namespace LearnGame.Content;

/// <summary>
/// Turns HTML (GIFT's [html] marker, Moodle XML texts) into plain text: tags are dropped, never interpreted, so no
/// markup or script can reach a learner's screen; block tags become line breaks and entities are decoded.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> BreakTags = ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"];
    private static readonly HashSet<string> DroppedContent = ["script", "style", "head", "title"];

    /// <summary>True when the text contains something that looks like a tag.</summary>
    public static bool LooksLikeHtml(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"</?[a-zA-Z][^>]*>|&[a-zA-Z#][a-zA-Z0-9]*;");

    public static string ToText(string html)
    {
        var text = new StringBuilder(html.Length);
        var i = 0;
        string? skipUntil = null;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && TryReadTag(html, i, out var end, out var name, out var closing))
            {
                if (skipUntil is not null)
                {
                    if (closing && name == skipUntil) skipUntil = null;
                }
                else if (!closing && DroppedContent.Contains(name)) skipUntil = name;
                else if (BreakTags.Contains(name)) text.Append('\n');
                else if (name == "img") text.Append(' ');
                i = end;
                continue;
            }
            if (skipUntil is null) text.Append(c);
            i++;
        }
        var decoded = WebUtility.HtmlDecode(text.ToString()).Replace('\u00A0', ' ');
        var lines = decoded.Replace("\r\n", "\n").Split('\n')
            .Select(l => string.Join(' ', l.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>Reads a tag (or comment) starting at <paramref name="start"/>, honouring quoted attribute values that may hold '&gt;'.</summary>
    private static bool TryReadTag(string html, int start, out int end, out string name, out bool closing)
    {
        end = start;
        name = "";
        closing = false;
        if (html.AsSpan(start).StartsWith("<!--"))
        {
            var close = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            end = close < 0 ? html.Length : close + 3;
            name = "!--";
            return true;
        }
        var i = start + 1;
        if (i < html.Length && html[i] == '/') { closing = true; i++; }
        if (i >= html.Length || !(char.IsAsciiLetter(html[i]) || html[i] == '!' || html[i] == '?')) return false;
        var nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '!' or '?' or '-')) i++;
        name = html[nameStart..i].ToLowerInvariant();
        char? quote = null;
        while (i < html.Length)
        {
            var c = html[i];
            if (quote is not null) { if (c == quote) quote = null; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') { end = i + 1; return true; }
            i++;
        }
        end = html.Length;
        return true;
    }
}
