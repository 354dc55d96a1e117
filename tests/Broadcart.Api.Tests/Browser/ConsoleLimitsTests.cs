using System.Text.RegularExpressions;
using Broadcart.Grains.Common;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Tests.Browser;

/// <summary>
/// Every text input of every console carries the server's limit as its maxlength, so nobody can
/// type what the server then refuses. A new input must be added here, with its limit or the
/// reason it has none.
/// </summary>
public sealed partial class ConsoleLimitsTests
{
    private static readonly Dictionary<string, int?> Limits = new(StringComparer.Ordinal)
    {
        ["merchant.html#product-title"] = InputLimits.ProductTitle,
        ["merchant.html#product-description"] = InputLimits.ProductDescription,
        ["merchant.html#product-image-url"] = InputLimits.Url,
        ["merchant.html#product-ships-to"] = null, // split into region codes, each checked before sending
        ["merchant.html#reach-room-id"] = InputLimits.Identifier,
        ["merchant.html#region-filter"] = null, // filters the region list on the page; never sent
        ["merchant.html#reach-budget-amount"] = InputLimits.Amount,
        ["merchant.html#reach-currency"] = InputLimits.Currency,
        ["merchant.html#reach-bid-amount"] = InputLimits.Amount,
        ["merchant.html#metrics-room-id"] = InputLimits.Identifier,
        ["merchant.html#report-room-id"] = InputLimits.Identifier,
        ["merchant.html#report-currency"] = InputLimits.Currency,
        ["merchant.html#deal-product-id"] = InputLimits.Identifier,
        ["merchant.html#deal-commission"] = 6, // a percentage, "50.00" at most; the server takes 1 to 5000 basis points
        ["merchant.html#deal-min-followers"] = 9,
        ["merchant.html.price-region"] = InputLimits.Region,
        ["merchant.html.price-currency"] = InputLimits.Currency,
        ["merchant.html.price-amount"] = InputLimits.Amount,
        ["streamer.html#room-title"] = InputLimits.RoomTitle,
        ["streamer.html#room-language"] = InputLimits.Language,
        ["streamer.html#room-home-region"] = InputLimits.Region,
        ["streamer.html#room-merchant-id"] = InputLimits.Identifier,
        ["streamer.html#open-room-id"] = InputLimits.Identifier,
        ["streamer.html#showcase-product-id"] = InputLimits.Identifier,
        ["streamer.html#sale-price-amount"] = InputLimits.Amount,
        ["streamer.html#auction-start"] = InputLimits.Amount,
        ["streamer.html#auction-increment"] = InputLimits.Amount,
        ["viewer.html#bid-amount"] = InputLimits.Amount,
        ["streamer.html#verification-legal-name"] = InputLimits.LegalName,
        ["streamer.html#verification-country"] = InputLimits.Region,
        ["streamer.html#payout-country"] = InputLimits.Region,
        ["streamer.html#payout-currency"] = InputLimits.Currency,
        ["streamer.html#payout-account"] = InputLimits.AccountRef,
        ["viewer.html#join-room-id"] = InputLimits.Identifier,
        ["admin.html#token-input"] = null, // a pasted access token, validated by the server as a whole
        ["chat.js#chat-input"] = ChatText.MaxLength,
        ["shell.js#signin-user"] = InputLimits.Identifier,
        ["shell.js#signin-name"] = InputLimits.DisplayName,
        ["shell.js#signin-region"] = InputLimits.Region,
    };

    [Fact]
    public void Every_console_text_input_carries_the_servers_limit()
    {
        var wwwroot = Path.Combine(RepoPaths.ApiContentRoot, "wwwroot");
        var files = Directory.GetFiles(wwwroot, "*.html").Concat(Directory.GetFiles(Path.Combine(wwwroot, "js"), "*.js"));
        var seen = new List<string>();
        var wrong = new List<string>();
        foreach (var file in files)
        {
            foreach (Match tag in InputTag().Matches(File.ReadAllText(file)))
            {
                var type = Attribute(tag.Value, "type");
                if (type is "number" or "checkbox" or "radio" or "file" or "hidden" or "range" or "date" or "datetime-local" or "submit" or "button")
                {
                    continue;
                }

                var key = Attribute(tag.Value, "id") is { } id
                    ? $"{Path.GetFileName(file)}#{id}"
                    : $"{Path.GetFileName(file)}.{Attribute(tag.Value, "class")?.Split(' ')[0]}";
                seen.Add(key);
                if (!Limits.TryGetValue(key, out var limit))
                {
                    wrong.Add($"{key}: not in this test's table");
                    continue;
                }

                var maxLength = Attribute(tag.Value, "maxlength");
                if (limit is { } expected && maxLength != expected.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    wrong.Add($"{key}: maxlength {maxLength ?? "missing"}, the server takes {expected}");
                }
            }
        }

        Assert.Empty(wrong);
        Assert.Empty(Limits.Keys.Except(seen));
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\s{name}=""([^""]*)""");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<(input|textarea)\b[^>]*>")]
    private static partial Regex InputTag();
}
