using Microsoft.Extensions.Hosting;
using Broadcart.Grains.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddBroadcart(builder.Configuration));
await builder.Build().RunAsync();
