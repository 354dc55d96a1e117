using Broadcart.Api.Admin;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.IdentityModel.Tokens;

namespace Broadcart.Api.Identity;

public static class AuthenticationSetup
{
    public static WebApplicationBuilder AddBroadcartAuthentication(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Auth").Get<AuthSettings>() ?? new AuthSettings();
        var keyBytes = settings.ResolveKey(out var generated);
        var key = keyBytes is null ? null : new SymmetricSecurityKey(keyBytes);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new SigningKeyHolder(key, generated));
        builder.Services.AddSingleton<DevTokenIssuer>();
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    NameClaimType = ClaimNames.Name,
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = settings.ClockSkew,
                };
                if (key is not null)
                {
                    o.TokenValidationParameters.IssuerSigningKey = key;
                }
                else
                {
                    o.Authority = settings.Authority;
                    o.Audience = settings.Audience;
                }

                o.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: the hub takes the token from the query.
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            context.Token = token;
                        }
                        else if (DashboardCookie.TokenFor(context.Request) is { } dashboardToken)
                        {
                            context.Token = dashboardToken;
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = context =>
                    {
                        if (DashboardCookie.IsPageNavigation(context.Request))
                        {
                            context.HandleResponse();
                            context.Response.Redirect($"{DashboardCookie.SignInPage}?next={Uri.EscapeDataString(DashboardCookie.Path + "/")}");
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Streamer, p => p.RequireRole(Roles.Streamer, Roles.Admin))
            .AddPolicy(Policies.Merchant, p => p.RequireRole(Roles.Merchant, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        return builder;
    }
}
