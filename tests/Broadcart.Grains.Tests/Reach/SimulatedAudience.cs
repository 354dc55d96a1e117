namespace Broadcart.Grains.Tests.Reach;

/// <summary>
/// Viewers of one region: how many paid impressions its feeds would take in a step, and what an
/// impression returns. Each impression converts with <see cref="Conversion"/> into an order of
/// <see cref="OrderMicros"/>; orders arrive <see cref="DelaySteps"/> steps after the impression.
/// </summary>
public sealed record SimulatedAudience(string Region, long DemandPerStep, double Conversion, long OrderMicros, int DelaySteps = 6)
{
    public double ReturnPerImpression => Conversion * OrderMicros;
}
