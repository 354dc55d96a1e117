namespace Broadcart.Grains.Reach;

/// <summary>Impressions set aside for one feed cache, at the price of the moment they were granted.</summary>
[GenerateSerializer, Alias("Broadcart.ImpressionLease")]
public sealed record ImpressionLease(
    [property: Id(0)] string Region,
    [property: Id(1)] long Impressions,
    [property: Id(2)] long MicrosPerImpression,
    [property: Id(3)] DateTimeOffset GrantedAt)
{
    public long Micros => checked(Impressions * MicrosPerImpression);
}
