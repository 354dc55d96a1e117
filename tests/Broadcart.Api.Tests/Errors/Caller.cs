namespace Broadcart.Api.Tests.Errors;

/// <summary>The kinds of caller the authorization matrix tries every endpoint and hub method with.</summary>
public enum Caller
{
    Anonymous,
    Viewer,
    RoomStreamer,
    OtherStreamer,
    RoomMerchant,
    OtherMerchant,
    Moderator,
    RoomModerator,
    Admin,
    Expired,
    WrongKey,
}
