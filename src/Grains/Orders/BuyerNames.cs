using System.Globalization;
using System.Buffers;
using System.Text;

namespace Broadcart.Grains.Orders;

public static class BuyerNames
{
    /// <summary>
    /// "Terry" → "T***y": enough for a ticker to feel alive, not enough to identify anyone. Counted
    /// in text elements (grapheme clusters), so an emoji, a flag, a surrogate pair or a letter with
    /// combining marks is kept whole or dropped whole, never split into a broken character.
    /// </summary>
    public static string Mask(string name)
    {
        var trimmed = name.Trim();
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(trimmed);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        elements.RemoveAll(e => !Shown(e));
        return elements.Count switch
        {
            0 => "***",
            1 or 2 => elements[0] + "***",
            _ => $"{elements[0]}***{elements[^1]}",
        };
    }

    // A lone surrogate is not a character; controls and format marks (RTL overrides, zero-width
    // joiners) would reorder or hide the ticker line; and a cluster that starts with a combining
    // mark has no letter of its own: it would attach to the asterisks beside it.
    private static bool Shown(string element)
    {
        for (var i = 0; i < element.Length;)
        {
            if (Rune.DecodeFromUtf16(element.AsSpan(i), out _, out var used) != OperationStatus.Done)
            {
                return false;
            }

            i += used;
        }

        return Rune.GetUnicodeCategory(Rune.GetRuneAt(element, 0)) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
    }
}
