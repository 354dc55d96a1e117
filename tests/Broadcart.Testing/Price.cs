namespace Broadcart.Testing;

/// <summary>A product's price in one region, as the REST API takes it.</summary>
public sealed record Price(string Region, string Currency, long AmountMinor);
