namespace Broadcart.Testing;

public sealed record SeenChat(string RoomId, string MessageId, long Seq, string UserId, string Name, string Text, DateTimeOffset SentAt);
