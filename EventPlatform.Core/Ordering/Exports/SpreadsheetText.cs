using System.Text;
using System.Xml;

namespace EventPlatform.Core.Ordering.Exports;

/// <summary>Text from buyers and organizers made safe for an XLSX cell (CsvHelper neutralises formulas in CSV).</summary>
public static class SpreadsheetText
{
    /// <summary>The text without characters XML 1.0 cannot carry (control characters pasted into a name), which would break the file.</summary>
    public static string XmlSafe(string text)
    {
        var valid = true;
        for (var i = 0; i < text.Length && valid; i++)
        {
            valid = IsPair(text, i) ? ++i > 0 : XmlConvert.IsXmlChar(text[i]);
        }

        if (valid)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                builder.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsPair(string text, int i) => i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
}
