using Broadcart.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBroadcartApi();

var app = builder.Build();
app.MapBroadcartApi();
app.Run();
