using Microsoft.AspNetCore.SignalR;

namespace Broadcart.Api.Identity;

/// <summary>SignalR users are the token's <c>sub</c>, not a mapped NameIdentifier claim.</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(ClaimNames.Subject)?.Value;
}
