using Microsoft.AspNetCore.SignalR.Client;
using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;

namespace Broadcart.Api.Tests.Translation;

/// <summary>Chat translation end to end: real SignalR viewers on two API nodes, a silo, and Apertium's APY behind a counting HTTP hop.</summary>
public sealed class ChatTranslationTests
{
    [Fact]
    public async Task Each_message_is_translated_once_per_language_among_50_viewers_on_two_nodes_and_reaches_only_that_language()
    {
        await using var cluster = await TranslationCluster.StartAsync(TimeSpan.FromSeconds(10));
        var (roomId, _) = await cluster.NodeA.LiveRoomAsync();

        // 20 English, 15 Spanish (some as es-MX: translated as Spanish) and 15 Catalan readers, alternating nodes.
        var viewers = new List<(Viewer Viewer, string Language)>();
        for (var i = 0; i < 50; i++)
        {
            var node = i % 2 == 0 ? cluster.NodeA : cluster.NodeB;
            var (tag, language) = i < 20 ? ("en", "en") : i < 35 ? (i % 3 == 0 ? "es-MX" : "es", "es") : ("ca", "ca");
            var viewer = await node.ConnectAsync(await node.TokenAsync($"reader-{i}-{roomId}"));
            await viewer.Connection.InvokeAsync("SetLanguage", tag);
            await viewer.JoinAsync(roomId);
            viewers.Add((viewer, language));
        }

        await cluster.LanguagesReportedAsync(roomId, "ca", "en", "es");

        var english = viewers[0].Viewer;
        string[] texts = ["How much is the red dress?", "The price is good.", "I want two."];
        var ids = new List<string>();
        foreach (var text in texts)
        {
            ids.Add((await english.SendChatAsync(roomId, text)).GetProperty("messageId").GetString()!);
        }

        // A Spanish reader writes too: translated into English and Catalan (APY here has no
        // Spanish-Catalan pair, so Catalan readers keep the original).
        var spanish = viewers[21].Viewer;
        const string question = "¿Cuánto cuesta el vestido?";
        var questionId = (await spanish.SendChatAsync(roomId, question)).GetProperty("messageId").GetString()!;

        foreach (var (viewer, language) in viewers)
        {
            var expected = language switch
            {
                "en" => [questionId],
                _ => ids,
            };
            await viewer.WaitUntil(v => expected.All(id => Translations(v).Any(t => t.MessageId == id)), $"the {language} translations");
        }

        // Drain: one more English message; once its translations arrived, nothing earlier can still be on its way.
        var lastId = (await english.SendChatAsync(roomId, "Thank you!")).GetProperty("messageId").GetString()!;
        foreach (var (viewer, language) in viewers.Where(v => v.Language != "en"))
        {
            await viewer.WaitUntil(v => Translations(v).Any(t => t.MessageId == lastId), "the last translation");
        }

        await english.WaitUntil(v => v.Chat.Any(c => c.MessageId == lastId), "the last message");

        foreach (var (viewer, language) in viewers)
        {
            var translations = Translations(viewer);
            Assert.All(translations, t => Assert.Equal(language, t.Language));
            Assert.Equal(translations.Count, translations.Select(t => t.MessageId).Distinct().Count());
            // Each after its original; among themselves in the order the translator answered.
            string[] wanted = language switch { "en" => [questionId], _ => [.. ids, lastId] };
            Assert.Equal(wanted.Order(StringComparer.Ordinal), translations.Select(t => t.MessageId).Order(StringComparer.Ordinal));
            foreach (var t in translations)
            {
                // The original came first, with the same seq.
                var original = viewer.Chat.Single(c => c.MessageId == t.MessageId);
                Assert.Equal(original.Seq, t.Seq);
                Assert.True(IndexOf(viewer, ["chat", "chatBatch"], t.MessageId) < IndexOf(viewer, ["chatTranslated"], t.MessageId), "chatTranslated arrived before its chat");
                Assert.NotEqual(original.Text, t.Text);
            }
        }

        // Once per language present, whatever the number of readers or nodes: two calls per English message.
        foreach (var text in texts.Append("Thank you!"))
        {
            Assert.Equal(["eng|cat", "eng|spa"], cluster.Translator.PairsFor(text));
        }

        Assert.Equal(["spa|cat", "spa|eng"], cluster.Translator.PairsFor(question));
        Assert.Contains("vestido", Translations(viewers[20].Viewer).Single(t => t.MessageId == ids[0]).Text, StringComparison.OrdinalIgnoreCase);

        foreach (var (viewer, _) in viewers)
        {
            await viewer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_translator_outage_costs_readers_the_translation_never_the_chat()
    {
        await using var cluster = await TranslationCluster.StartAsync(TimeSpan.FromSeconds(30));
        var (roomId, _) = await cluster.NodeA.LiveRoomAsync();
        var writer = await cluster.NodeA.ConnectAsync(await cluster.NodeA.TokenAsync($"writer-{roomId}"));
        await writer.Connection.InvokeAsync("SetLanguage", "en");
        await writer.JoinAsync(roomId);
        var reader = await cluster.NodeB.ConnectAsync(await cluster.NodeB.TokenAsync($"reader-{roomId}"));
        await reader.Connection.InvokeAsync("SetLanguage", "es");
        await reader.JoinAsync(roomId);
        await cluster.LanguagesReportedAsync(roomId, "en", "es");

        // The translator hangs: the chat still goes out, while the call is held open.
        cluster.Translator.Hang();
        var held = (await writer.SendChatAsync(roomId, "Is it real silk?")).GetProperty("messageId").GetString()!;
        await reader.WaitUntil(v => v.Chat.Any(c => c.MessageId == held), "the chat while the translator hangs");
        await Eventually.Until(() => Task.FromResult(cluster.Translator.Hanging), n => n == 1, "the translation call held open");
        Assert.Empty(Translations(reader));

        // It fails: still every chat message, and no translation.
        cluster.Translator.Unavailable = true;
        cluster.Translator.Release();
        var failed = (await writer.SendChatAsync(roomId, "Does it ship to Spain?")).GetProperty("messageId").GetString()!;
        await reader.WaitUntil(v => v.Chat.Any(c => c.MessageId == failed), "the chat while the translator fails");

        // It comes back: a failure was not cached, so the same text is translated now.
        cluster.Translator.Unavailable = false;
        var back = (await writer.SendChatAsync(roomId, "Does it ship to Spain?")).GetProperty("messageId").GetString()!;
        await reader.WaitUntil(v => Translations(v).Any(t => t.MessageId == back), "the translation once the translator is back");
        Assert.Equal([held, failed, back], reader.Chat.Select(c => c.MessageId));
        Assert.Equal([back], Translations(reader).Select(t => t.MessageId));
        Assert.Equal(["eng|spa", "eng|spa"], cluster.Translator.PairsFor("Does it ship to Spain?"));

        await writer.DisposeAsync();
        await reader.DisposeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("english")]
    [InlineData("en_US")]
    [InlineData("12")]
    public async Task A_language_that_is_not_a_BCP_47_tag_is_refused_with_a_code(string tag)
    {
        await using var node = await EmbeddedNode.StartAsync();
        await using var viewer = await node.ConnectAsync(await node.TokenAsync("bad-language"));
        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => viewer.Connection.InvokeAsync("SetLanguage", tag));
        Assert.Contains("validation_failed", error.Message, StringComparison.Ordinal);
    }

    private static List<(string MessageId, long Seq, string Language, string Text)> Translations(Viewer viewer) =>
        [.. viewer.EventsNamed("chatTranslated").Select(e => (
            e.GetProperty("messageId").GetString()!, e.GetProperty("seq").GetInt64(), e.GetProperty("language").GetString()!, e.GetProperty("text").GetString()!))];

    private static int IndexOf(Viewer viewer, string[] names, string messageId)
    {
        var events = viewer.Events;
        for (var i = 0; i < events.Count; i++)
        {
            if (names.Contains(events[i].Name) && Carries(events[i].Payload, messageId))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Carries(JsonElement payload, string messageId) =>
        payload.TryGetProperty("messageId", out var id) ? id.GetString() == messageId
        : payload.TryGetProperty("messages", out var batch) && batch.EnumerateArray().Any(m => m.GetProperty("messageId").GetString() == messageId);
}
