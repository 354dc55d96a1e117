using System.Collections.Immutable;
using Broadcart.Grains.Translation;

namespace Broadcart.Grains.Rooms;

// Chat translation: the room asks for each message once, for the languages its nodes' viewers
// use, and relays what comes back; the original has already gone out by then.
public sealed partial class LiveRoomGrain
{
    private void RequestTranslations(ChatMessage message, string? authorLanguage)
    {
        if (!_translation.Enabled)
        {
            return;
        }

        var from = ChatLanguage.Primary(authorLanguage) ?? ChatLanguage.Primary(Room.Language) ?? "en";
        ImmutableArray<string> to = [.. _nodes.Languages().Where(l => l != from).Take(_translation.MaxLanguagesPerMessage)];
        if (to.Length > 0)
        {
            GrainFactory.GetGrain<IChatTranslationGrain>(0).Translate(new TranslationRequest(RoomId, message.MessageId, message.Seq, message.Text, from, to));
        }
    }

    public Task AddTranslations(string messageId, long seq, ImmutableArray<ChatTranslation> translations)
    {
        // A message deleted while it was being translated stays deleted in every language.
        if (!Room.Exists || !_chat.Holds(messageId))
        {
            return Task.CompletedTask;
        }

        foreach (var translation in translations.IsDefault ? [] : translations)
        {
            Enqueue(new ChatTranslated(messageId, seq, translation.Language, translation.Text));
        }

        return Task.CompletedTask;
    }
}
