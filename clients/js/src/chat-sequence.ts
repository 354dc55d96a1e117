import type { ChatMessage } from './wire.js';

/**
 * The protocol's rule for chat: messages are numbered by seq per room and never renumbered, so
 * keep the highest passed on and drop anything at or below it. Live events, batches and a
 * rejoin's recentChat may overlap; each message goes out once, in order.
 */
export class ChatSequence {
  readonly #last = new Map<string, number>();

  accept(roomId: string, messages: readonly ChatMessage[]): ChatMessage[] {
    const last = this.#last.get(roomId) ?? 0;
    const fresh = messages.filter((m) => m.seq > last).sort((a, b) => a.seq - b.seq);
    if (fresh.length > 0) this.#last.set(roomId, fresh[fresh.length - 1].seq);
    return fresh;
  }

  lastSeq(roomId: string): number {
    return this.#last.get(roomId) ?? 0;
  }

  forget(roomId: string): void {
    this.#last.delete(roomId);
  }
}
