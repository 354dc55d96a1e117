using System.Collections.Immutable;
using Broadcart.Grains.Rooms;
using Orleans.Concurrency;

namespace Broadcart.Grains.Translation;

/// <summary>
/// Translates a message into every language asked for at once and hands the results back to its
/// room in one call. A stateless worker: one per silo core at most, each turn interleaving with
/// the others, so translations run in parallel off every room's turn.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class ChatTranslationGrain(CachingTranslator translator) : Grain, IChatTranslationGrain
{
    public async Task Translate(TranslationRequest request)
    {
        var results = await Task.WhenAll(request.To.Select(async to =>
            (to, text: await translator.TranslateAsync(request.Text, request.From, to, CancellationToken.None))));
        ImmutableArray<ChatTranslation> translations = [.. results.Where(r => r.text is { Length: > 0 }).Select(r => new ChatTranslation(r.to, r.text!))];
        if (translations.Length > 0)
        {
            await GrainFactory.GetGrain<ILiveRoomGrain>(request.RoomId).AddTranslations(request.MessageId, request.Seq, translations);
        }
    }
}
