namespace Broadcart.Api.Identity;

public static class Roles
{
    public const string Viewer = "viewer";
    public const string Streamer = "streamer";
    public const string Merchant = "merchant";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Viewer, Streamer, Merchant, Moderator, Admin,
    };
}
