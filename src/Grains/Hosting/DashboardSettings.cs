using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace Broadcart.Grains.Hosting;

/// <summary>
/// The <c>Dashboard</c> configuration section. The Orleans dashboard needs its grain service and
/// call profiler on every silo and its client part on every API node that serves it, so silos and
/// API nodes read the same switch: with <c>Dashboard:Enabled=false</c> on one side it must be off on
/// the other too.
/// </summary>
public static class DashboardSettings
{
    public const string Section = "Dashboard";

    public static bool Enabled(IConfiguration configuration) => configuration.GetSection(Section).GetValue("Enabled", true);

    /// <summary>The package's own options (<c>HideTrace</c>, <c>CounterUpdateIntervalMs</c>, <c>HistoryLength</c>) from the same section.</summary>
    /// <remarks>Counters are sampled every 5 s unless configured: each sample collects every metric of the process.</remarks>
    public static void Bind(IConfiguration configuration, DashboardOptions options)
    {
        options.CounterUpdateIntervalMs = 5000;
        configuration.GetSection(Section).Bind(options);
    }
}
