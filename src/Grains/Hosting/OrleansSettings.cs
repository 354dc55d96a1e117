using System.Net;
using Microsoft.Extensions.Configuration;

namespace Broadcart.Grains.Hosting;

/// <summary>
/// The <c>Orleans</c> configuration section, read the same way by silos and clients. Orleans reads
/// <c>Orleans:Clustering</c>, <c>Orleans:Reminders</c> and <c>Orleans:GrainStorage</c> itself (its own
/// provider model), so Broadcart's choices use other names: <c>Membership</c>, <c>ReminderStore</c>,
/// <c>StateStore</c>.
/// </summary>
public sealed record OrleansSettings(
    string ClusterId,
    string ServiceId,
    string Membership,
    string StateStore,
    string ReminderStore,
    int SiloPort,
    int GatewayPort,
    IPEndPoint? PrimarySilo,
    IReadOnlyList<IPEndPoint> Gateways,
    IPAddress? AdvertisedAddress)
{
    public static OrleansSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Orleans");
        return new OrleansSettings(
            section["ClusterId"] ?? "broadcart-dev",
            section["ServiceId"] ?? "broadcart",
            section["Membership"] ?? "Localhost",
            section["StateStore"] ?? "Memory",
            section["ReminderStore"] ?? "Memory",
            section.GetValue("SiloPort", 11111),
            section.GetValue("GatewayPort", 30000),
            section["PrimarySilo"] is { Length: > 0 } primary ? IPEndPoint.Parse(primary) : null,
            (section["Gateways"] ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(IPEndPoint.Parse)
                .ToArray(),
            section["AdvertisedAddress"] is { Length: > 0 } advertised ? IPAddress.Parse(advertised) : null);
    }
}
