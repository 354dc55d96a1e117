using Broadcart.Bench.BareHub;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();
var app = builder.Build();
app.MapGet("/health/ready", () => "ok");
app.MapHub<BareHub>("/hubs/live");
app.Run();
