using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Broadcart.Grains.Hosting;

/// <summary><c>Redis:Configuration</c> (e.g. <c>127.0.0.1:6379</c>), tuned to fail fast rather than hang.</summary>
public static class RedisSettings
{
    public static ConfigurationOptions From(IConfiguration configuration)
    {
        var value = configuration["Redis:Configuration"];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException("Redis:Configuration is not set (e.g. '127.0.0.1:6379'); Redis membership and reminders need it.");
        }

        var options = ConfigurationOptions.Parse(value);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 3000;
        options.SyncTimeout = 3000;
        options.AsyncTimeout = 3000;
        return options;
    }
}
