using System.Collections.Immutable;

namespace Broadcart.Grains.Translation;

/// <summary>A chat message to put into each language its room's viewers use, other than its own.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.TranslationRequest")]
public sealed record TranslationRequest(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string MessageId,
    [property: Id(2)] long Seq,
    [property: Id(3)] string Text,
    [property: Id(4)] string From,
    [property: Id(5)] ImmutableArray<string> To);
