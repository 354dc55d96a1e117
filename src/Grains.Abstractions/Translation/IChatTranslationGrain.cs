using Orleans.Concurrency;

namespace Broadcart.Grains.Translation;

/// <summary>
/// Translates chat off the room's turn: the room hands each message over one-way and gets the
/// translations back when they are ready, so a slow or failing translator never delays the room.
/// </summary>
[Alias("Broadcart.IChatTranslationGrain")]
public interface IChatTranslationGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("Translate")]
    Task Translate(TranslationRequest request);
}
