namespace Broadcart.Grains.Attribution;

/// <summary>Which touchpoint earned an order: a product click (<c>clickThrough</c>) or only a view (<c>viewThrough</c>).</summary>
[GenerateSerializer, Alias("Broadcart.AttributionWindow")]
public enum AttributionWindow
{
    ClickThrough = 0,
    ViewThrough = 1,
}
