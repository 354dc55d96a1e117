using System.Collections.Immutable;
using Broadcart.Grains.Common;

namespace Broadcart.Grains.Metrics;

/// <summary>
/// A room's post-campaign report in one currency: in all, by region and by hour. Money is converted
/// per hour and region at the reference rates of that hour's day (<see cref="Rates"/> says which),
/// each cell rounded down on its own, so regions and hours add up to the total exactly. Money in a
/// currency a day's rates lack is left out of the figures and listed in <see cref="Unconverted"/>.
/// <see cref="Source"/> is <c>computed</c> (from the room's metrics now) or <c>archive</c> (the
/// report stored when the room ended).
/// </summary>
public sealed record CampaignReport(
    string RoomId,
    string Currency,
    string Source,
    DateTimeOffset? EndedAt,
    long Version,
    AttributionWindows AttributionWindows,
    ReportFigures Total,
    ImmutableArray<RegionReport> ByRegion,
    ImmutableArray<HourReport> ByHour,
    ImmutableArray<DayRates> Rates,
    ImmutableArray<Money> Unconverted);

/// <summary>The windows the orders were attributed with, in seconds.</summary>
public sealed record AttributionWindows(long ClickThroughSeconds, long ViewThroughSeconds);

public sealed record RegionReport(string Region, ReportFigures Figures);

public sealed record HourReport(DateTimeOffset Hour, ReportFigures Figures);

/// <summary>Which rates converted a day's money: the day asked for, the day the source had, units of the report currency per unit of each source currency.</summary>
public sealed record DayRates(DateOnly Day, DateOnly RateDate, ImmutableArray<CurrencyRate> Rates);

public sealed record CurrencyRate(string Currency, decimal Rate);

/// <summary>
/// The figures of a scope. <see cref="Ctr"/> = product clicks / impressions, <see cref="JoinRate"/> =
/// joins / impressions, <see cref="Cpm"/> = spend per 1,000 paid impressions, <see cref="Roi"/> =
/// attributed revenue / spend; null when the denominator is zero. <see cref="Gmv"/> and
/// <see cref="Orders"/> are the orders placed in this room (paid or not); <see cref="Attributed"/>
/// holds the paid orders attributed to it, wherever they were placed.
/// </summary>
public sealed record ReportFigures(
    long Impressions,
    long OrganicImpressions,
    long PaidImpressions,
    long UniqueViewers,
    long Joins,
    long ProductClicks,
    double? Ctr,
    double? JoinRate,
    long Orders,
    long Units,
    Money Gmv,
    Money Spend,
    long SpendMicros,
    Money? Cpm,
    double? Roi,
    AttributedFigures Attributed);

public sealed record AttributedFigures(long Orders, Money Revenue, WindowFigures ClickThrough, WindowFigures ViewThrough);

public sealed record WindowFigures(long Orders, Money Revenue);

/// <summary>What Blob Storage holds for an ended room: the raw figures (to convert into any currency) and the report in the room's own currency.</summary>
public sealed record StoredReport(ReportData Raw, CampaignReport? Native);
