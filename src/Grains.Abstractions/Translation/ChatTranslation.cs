namespace Broadcart.Grains.Translation;

/// <summary>One message's text in one language.</summary>
[GenerateSerializer, Immutable, Alias("Broadcart.ChatTranslation")]
public sealed record ChatTranslation([property: Id(0)] string Language, [property: Id(1)] string Text);
