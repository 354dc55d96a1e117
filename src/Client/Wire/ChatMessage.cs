namespace Broadcart.Client.Wire;

/// <summary>The <c>chat</c> event, and each message of <c>chatBatch</c> and of <c>JoinRoom</c>'s <c>recentChat</c>.</summary>
public sealed record ChatMessage(string RoomId, string MessageId, long Seq, string UserId, string Name, string Text, DateTimeOffset SentAt);
