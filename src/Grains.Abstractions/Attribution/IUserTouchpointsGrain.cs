using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Broadcart.Grains.Attribution;

/// <summary>
/// One user's recent touchpoints (key: user id): per room the last view (feed impression or join)
/// and the last product click, kept only as long as the attribution windows can use them.
/// </summary>
[Alias("Broadcart.IUserTouchpointsGrain")]
public interface IUserTouchpointsGrain : IGrainWithStringKey
{
    /// <summary>One-way: the feed listed these rooms to the user, or the user joined one.</summary>
    [OneWay, Alias("Viewed")]
    Task Viewed(ImmutableArray<string> roomIds);

    /// <summary>One-way: the user clicked a product in the room.</summary>
    [OneWay, Alias("Clicked")]
    Task Clicked(string roomId);

    /// <summary>
    /// The room an order paid now is attributed to: the last product click within the click
    /// window, else the last view within the view window, else null.
    /// </summary>
    [Alias("Attribute")]
    Task<AttributionDecision?> Attribute();

    [Alias("Get")]
    Task<Touchpoints> Get();
}
