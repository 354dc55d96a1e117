using System.Text;
using Broadcart.Bench.BareHub;
using Broadcart.Protocol;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

// BareHub__SigningKey turns on JwtBearer exactly as Broadcart configures it (issuer, audience,
// claim types, clock skew, the token in the query string for WebSockets).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var signingKey = builder.Configuration["BareHub:SigningKey"];
if (signingKey is not null)
{
    builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
    {
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = "broadcart",
            ValidAudience = "broadcart",
            NameClaimType = "name",
            RoleClaimType = "role",
            ClockSkew = TimeSpan.FromSeconds(30),
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
        };
        o.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                var token = context.Request.Query["access_token"];
                if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
        };
    });
    builder.Services.AddAuthorization();
}

builder.Services.AddSignalR()
    .AddJsonProtocol(o => WireJson.Configure(o.PayloadSerializerOptions))
    .AddMessagePackProtocol(o => o.SerializerOptions = MessagePackWire.Options);
var app = builder.Build();
app.MapGet("/health/ready", () => "ok");

// Read from the serving process itself, after a forced full collection: what the connections hold.
app.MapGet("/diagnostics/memory", () =>
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    return new { managedBytes = GC.GetTotalMemory(forceFullCollection: true), workingSetBytes = Environment.WorkingSet };
});
if (signingKey is not null)
{
    app.UseAuthentication();
    app.UseAuthorization();
    app.MapHub<AuthorizedBareHub>("/hubs/live");
}
else
{
    app.MapHub<BareHub>("/hubs/live");
}

app.Run();
