using Broadcart.Api.Identity;
using Broadcart.Grains.Common;

namespace Broadcart.Api.Admin;

public sealed record SiloView(string Address, string Status);

public sealed record GrainTypeView(string GrainType, string Silo, int Activations);

public sealed record MemoryView(long ManagedBytes, long WorkingSetBytes);

public sealed record ClusterView(IReadOnlyList<SiloView> Silos, IReadOnlyList<GrainTypeView> Grains, int TotalActivations);

/// <summary>
/// The cluster at a glance for admins as JSON: silos and activations per grain type, read from
/// Orleans' management grain (the Orleans dashboard at /admin/dashboard/ shows more), and this
/// node's memory.
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/cluster", async (IGrainFactory grains) =>
            {
                var management = grains.GetGrain<IManagementGrain>(0);
                var hosts = await management.GetHosts(onlyActive: false);
                var stats = await management.GetSimpleGrainStatistics();
                var grainViews = stats
                    .Select(s => new GrainTypeView(s.GrainType, s.SiloAddress.ToString(), s.ActivationCount))
                    .OrderBy(s => s.GrainType, StringComparer.Ordinal).ThenBy(s => s.Silo, StringComparer.Ordinal)
                    .ToList();
                return TypedResults.Ok(new ClusterView(
                    [.. hosts.Select(h => new SiloView(h.Key.ToString(), h.Value.ToString()))],
                    grainViews,
                    grainViews.Sum(g => g.Activations)));
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Admin")
            .WithSummary("Silos and activations per grain type (admins only)");

        // For benchmarks and operators: what this process holds, after a forced full collection.
        app.MapGet("/api/admin/diagnostics/memory", () =>
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                return TypedResults.Ok(new MemoryView(GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet));
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Admin")
            .WithSummary("Managed heap after a forced full GC, and working set, of this API node (admins only)");

        app.MapGet("/api/admin/storage", async (IGrainFactory grains) =>
                TypedResults.Ok(await grains.GetGrain<IStorageDiagnosticsGrain>(0).Get()))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Admin")
            .WithSummary("Blob Storage requests sent so far by the silo that answers (admins only)");
        return app;
    }
}
