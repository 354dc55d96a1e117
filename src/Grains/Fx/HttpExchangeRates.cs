using Broadcart.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcart.Grains.Fx;

/// <summary>
/// Reference rates read from <see cref="FxOptions.RatesUrl"/> (the ECB's daily XML). Rates are
/// cached for <see cref="FxOptions.RefreshInterval"/>; a failed fetch (down, slow, malformed) keeps
/// the last good rates and is tried again after <see cref="FxOptions.RetryInterval"/>, so an outage
/// of the publisher never stops a payout that has rates at all. Every day fetched is kept, so
/// lookups by day work for the days this process has seen.
/// </summary>
public sealed class HttpExchangeRates(HttpClient http, IOptions<FxOptions> options, TimeProvider time, ILogger<HttpExchangeRates> logger) : IExchangeRates
{
    public const string ClientName = "fx";

    private readonly SemaphoreSlim fetching = new(1, 1);
    private readonly SortedDictionary<DateOnly, ReferenceRates> known = [];
    private IReadOnlyList<ReferenceRates> newestFirst = [];
    private DateTimeOffset nextFetch = DateTimeOffset.MinValue;

    public async Task<ReferenceRates> LatestAsync(CancellationToken cancellationToken = default) => (await DaysAsync(cancellationToken))[0];

    public async Task<ReferenceRates> OnOrBeforeAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        RatesHistory.OnOrBefore(await DaysAsync(cancellationToken), day);

    private async Task<IReadOnlyList<ReferenceRates>> DaysAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= nextFetch)
        {
            await fetching.WaitAsync(cancellationToken);
            try
            {
                // Whoever waited behind a fetch uses its result.
                if (time.GetUtcNow() >= nextFetch)
                {
                    await FetchAsync(cancellationToken);
                }
            }
            finally
            {
                fetching.Release();
            }
        }

        return newestFirst.Count > 0
            ? newestFirst
            : throw new BroadcartException(ErrorCodes.Unavailable, $"no exchange rates yet: {options.Value.RatesUrl} could not be read; retry shortly");
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await http.GetAsync(options.Value.RatesUrl, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var days = EcbRatesXml.Parse(body);
            lock (known)
            {
                foreach (var day in days)
                {
                    known[day.Date] = day;
                }

                newestFirst = [.. known.Values.Reverse()];
            }

            nextFetch = time.GetUtcNow() + options.Value.RefreshInterval;
        }
        catch (Exception e) when (e is HttpRequestException or FormatException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Reading reference rates from {Url} failed; using the last good rates ({Date}) until the next try",
                options.Value.RatesUrl, newestFirst.Count > 0 ? newestFirst[0].Date.ToString("yyyy-MM-dd") : "none");
            nextFetch = time.GetUtcNow() + options.Value.RetryInterval;
        }
    }
}
