using System.Buffers;
using System.Globalization;
using System.Text;
using Broadcart.Grains.Orders;
using CsCheck;

namespace Broadcart.Grains.Tests.Orders;

public sealed class BuyerNamesTests
{
    // Combining marks, joiners, half a flag, a skin-tone emoji, a lone high surrogate, an RTL override.
    private static readonly string[] Tricky = ["\u0301", "\u200D", "\U0001F1ED", "\U0001F44D\U0001F3FD", "e\u0301", "\ud83d", "a", "\u202E"];

    [Theory]
    [InlineData("Terry", "T***y")]
    [InlineData("  Al ", "A***")]
    [InlineData("", "***")]
    [InlineData("Zoe\u0308", "Z***e\u0308")] // e + combining diaeresis stays one letter
    [InlineData("\U0001F1ED\U0001F1F0Kai", "\U0001F1ED\U0001F1F0***i")] // a flag is two code points, one character
    [InlineData("\U0001F600", "\U0001F600***")] // an emoji is a surrogate pair
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467 Lee", "\U0001F468\u200D\U0001F469\u200D\U0001F467***e")] // a family is one grapheme
    [InlineData("\u202Eevil\u202C", "e***l")] // an RTL override would reorder the ticker line
    [InlineData("李小龙", "李***龙")]
    public void A_masked_name_keeps_whole_characters_at_its_ends(string name, string masked) =>
        Assert.Equal(masked, BuyerNames.Mask(name));

    [Fact]
    public void Lone_surrogates_are_not_characters() =>
        Assert.Equal("M***x", BuyerNames.Mask("\ud800Max\udfff")); // not InlineData: xUnit would replace them on discovery

    [Fact]
    public void Any_name_masks_to_valid_text_whose_ends_are_whole_characters_of_the_name()
    {
        var names = Gen.OneOf(
            Gen.String,
            Gen.Char.Array[0, 12].Select(c => new string(c)), // any UTF-16 units, lone surrogates included
            Gen.Int[0, Tricky.Length - 1].Select(i => Tricky[i]).Array[0, 8].Select(string.Concat));
        names.Sample(name =>
        {
            var masked = BuyerNames.Mask(name);
            Assert.Equal(OperationStatus.Done, Validate(masked));
            Assert.Contains("***", masked);
            var graphemes = Graphemes(name.Trim());
            var shown = Elements(masked);
            Assert.True(shown[0] == "*" || graphemes.Contains(shown[0]), $"'{Escape(shown[0])}' is not a whole character of '{Escape(name)}'");
            Assert.True(shown[^1] == "*" || graphemes.Contains(shown[^1]), $"'{Escape(shown[^1])}' is not a whole character of '{Escape(name)}'");
        }, iter: 5_000);
    }

    private static OperationStatus Validate(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out _, out var used);
            if (status != OperationStatus.Done)
            {
                return status;
            }

            i += used;
        }

        return OperationStatus.Done;
    }

    private static HashSet<string> Graphemes(string text) => [.. Elements(text)];

    private static List<string> Elements(string text)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            elements.Add(e.GetTextElement());
        }

        return elements;
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 128 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"));
}
