namespace Broadcart.Api.Identity;

public static class Policies
{
    public const string Streamer = "streamer";
    public const string Merchant = "merchant";
    public const string Admin = "admin";
}
