namespace Broadcart.Grains.Attribution;

/// <summary>The <c>Attribution</c> configuration section: how far back a touchpoint earns an order.</summary>
public sealed class AttributionOptions
{
    /// <summary>An order goes to the room the buyer last clicked a product in within this.</summary>
    public TimeSpan ClickWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Without such a click, to the room the buyer last viewed within this.</summary>
    public TimeSpan ViewWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Rooms kept per user; past it the oldest go (a feed lists up to 50 rooms a request).</summary>
    public int MaxRooms { get; set; } = 500;
}
