namespace Broadcart.Bench.Scenarios;

/// <summary>
/// The soak's steady mix, per second over all its rooms: chat and likes from the watching
/// viewers, viewers joining (each leaves again after <see cref="ChurnLifetime"/>), orders (each
/// paid at once through the webhook) and feed reads. Well below what the server can take, so that
/// what changes over time is the server, not a queue.
/// </summary>
public sealed record SoakRates(double Chat, double Likes, double Joins, double Orders, double FeedReads, TimeSpan ChurnLifetime)
{
    public static readonly SoakRates Default = new(Chat: 20, Likes: 20, Joins: 2, Orders: 5, FeedReads: 10, ChurnLifetime: TimeSpan.FromSeconds(20));

    public static readonly SoakRates Smoke = new(Chat: 10, Likes: 5, Joins: 2, Orders: 2, FeedReads: 5, ChurnLifetime: TimeSpan.FromSeconds(2));
}
