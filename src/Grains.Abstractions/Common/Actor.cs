namespace Broadcart.Grains.Common;

/// <summary>Who is asking, as the API node authenticated them; <see cref="Language"/> is the connection's chat language, if it set one.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.Actor")]
public sealed record Actor(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Region,
    [property: Id(3)] bool IsModerator,
    [property: Id(4)] bool IsAdmin,
    [property: Id(5)] string? Language = null);
