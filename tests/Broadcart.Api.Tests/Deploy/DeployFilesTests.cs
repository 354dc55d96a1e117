using Broadcart.Api.Hosting;
using Broadcart.Grains.Hosting;
using Broadcart.Grains.Storage;
using Broadcart.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using YamlDotNet.RepresentationModel;

namespace Broadcart.Api.Tests.Deploy;

/// <summary>
/// The deploy files must match the code: image entry points are the built assemblies, ports agree,
/// probe paths exist, and every environment the files give a host is one the code accepts, checked
/// by building that host from it.
/// </summary>
public sealed class DeployFilesTests
{
    private static void SiloAccepts(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddBroadcart(builder.Configuration));
        using var host = builder.Build();
        Assert.NotNull(OrleansSettings.From(builder.Configuration));
    }

    private static void ApiAccepts(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Auth:SigningKey", TestSecrets.SigningKey);
        var app = ApiNode.Build(settings);
        Assert.Equal("Client", app.Configuration["Orleans:Mode"]);
        Assert.False(app.Configuration.GetValue<bool>("Auth:DevTokens"));
    }

    [Fact]
    public void The_Dockerfiles_run_the_built_assemblies_on_the_ports_they_expose()
    {
        var api = DeployFiles.Dockerfile("docker/Api.Dockerfile");
        Assert.Equal(typeof(BroadcartApiHost).Assembly.GetName().Name + ".dll", api.EntryDll);
        Assert.Equal([8080], api.Exposed);
        Assert.Equal("http://+:8080", api.Env["ASPNETCORE_URLS"]);

        var silo = DeployFiles.Dockerfile("docker/Silo.Dockerfile");
        Assert.Equal(typeof(BroadcartSiloExtensions).Assembly.GetName().Name!.Replace("Grains", "Silo") + ".dll", silo.EntryDll);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "src", "Silo", "Broadcart.Silo.csproj")));
        Assert.Equal([int.Parse(silo.Env["Orleans__SiloPort"]), int.Parse(silo.Env["Orleans__GatewayPort"])], silo.Exposed);
    }

    [Fact]
    public void The_compose_file_gives_every_host_an_environment_the_code_accepts()
    {
        var compose = DeployFiles.Documents("compose.yaml").Single();
        var services = (YamlMappingNode)compose.At("services")!;
        Assert.Equal(["api1", "api2", "azurite", "redis", "silo1", "silo2"], services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());

        foreach (var name in new[] { "silo1", "silo2" })
        {
            var service = services.At(name)!;
            Assert.Equal("broadcart/silo", service.Text("image"));
            Assert.Equal("deploy/docker/Silo.Dockerfile", service.Text("build", "dockerfile"));
            SiloAccepts(Environment(service));
        }

        foreach (var name in new[] { "api1", "api2" })
        {
            var service = services.At(name)!;
            Assert.Equal("broadcart/api", service.Text("image"));
            Assert.Equal("deploy/docker/Api.Dockerfile", service.Text("build", "dockerfile"));
            Assert.EndsWith(":8080", service.Text("ports", "0"));
            Assert.Contains("/health/ready", service.Text("healthcheck", "test", "1"));
            var settings = Environment(service);
            Assert.Equal("http://+:8080", settings["ASPNETCORE_URLS"]);
            ApiAccepts(settings);
        }
    }

    [Fact]
    public void The_Kubernetes_manifests_probe_real_endpoints_and_give_each_pod_an_environment_the_code_accepts()
    {
        var config = DeployFiles.Documents("k8s/config.yaml");
        var shared = config.SelectMany(d => ((YamlMappingNode)(d.At("data") ?? d.At("stringData"))!).Children)
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);

        var api = DeployFiles.Documents("k8s/api.yaml");
        var apiContainer = api.Single(d => d.Text("kind") == "Deployment").At("spec", "template", "spec", "containers", "0")!;
        Assert.Equal("broadcart/api", apiContainer.Text("image"));
        Assert.Equal("8080", apiContainer.Text("ports", "0", "containerPort"));
        Assert.Equal(("/health/ready", "8080"), (apiContainer.Text("readinessProbe", "httpGet", "path"), apiContainer.Text("readinessProbe", "httpGet", "port")));
        Assert.Equal(("/health/live", "8080"), (apiContainer.Text("livenessProbe", "httpGet", "path"), apiContainer.Text("livenessProbe", "httpGet", "port")));
        Assert.Equal("8080", api.Single(d => d.Text("kind") == "Service").Text("spec", "ports", "0", "targetPort"));
        var apiSettings = DeployFiles.AsConfiguration(shared.Concat(ContainerEnv(apiContainer)));
        Assert.Equal("http://+:8080", apiSettings["ASPNETCORE_URLS"]);
        ApiAccepts(apiSettings);

        var silo = DeployFiles.Documents("k8s/silo.yaml").Single(d => d.Text("kind") == "Deployment");
        var labels = (YamlMappingNode)silo.At("spec", "template", "metadata", "labels")!;
        Assert.Equal("broadcart", labels.Text("orleans/serviceId"));
        Assert.Equal(shared["Orleans__ClusterId"], labels.Text("orleans/clusterId"));
        var siloContainer = silo.At("spec", "template", "spec", "containers", "0")!;
        Assert.Equal("broadcart/silo", siloContainer.Text("image"));
        var siloEnv = ContainerEnv(siloContainer);
        Assert.Equal(siloEnv.Single(e => e.Key == "Orleans__SiloPort").Value, siloContainer.Text("ports", "0", "containerPort"));
        Assert.Equal(siloEnv.Single(e => e.Key == "Orleans__GatewayPort").Value, siloContainer.Text("ports", "1", "containerPort"));
        SiloAccepts(DeployFiles.AsConfiguration(shared.Concat(siloEnv.Where(e => e.Value.Length > 0))));
    }

    private static Dictionary<string, string?> Environment(YamlNode service)
    {
        var env = ((YamlMappingNode)service.At("environment")!).Children
            .Select(kv => new KeyValuePair<string, string>(((YamlScalarNode)kv.Key).Value!, ((YamlScalarNode)kv.Value).Value!))
            .Select(kv => kv.Value.StartsWith("${", StringComparison.Ordinal) ? new KeyValuePair<string, string>(kv.Key, TestSecrets.SigningKey) : kv);
        return DeployFiles.AsConfiguration(env);
    }

    /// <summary>Literal values; values from the pod itself (fieldRef) become empty.</summary>
    private static List<KeyValuePair<string, string>> ContainerEnv(YamlNode container) =>
        [.. ((YamlSequenceNode)container.At("env")!).Children.Select(e => new KeyValuePair<string, string>(e.Text("name")!, e.Text("value") ?? string.Empty))];
}
