namespace Broadcart.Api.Identity;

/// <summary>JWT claim names as the protocol spells them (inbound claim mapping is off).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Region = "region";
    public const string Language = "language";
}
