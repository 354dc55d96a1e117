// The chat panel the streamer console and the viewer page share: the message list and the send form.
import { el } from './ui.js';

const PANEL = `
  <h2>Chat</h2>
  <ul id="chat-list" class="chat-list" aria-live="off"></ul>
  <form id="chat-form" class="chat-form">
    <input id="chat-input" maxlength="500" autocomplete="off" aria-label="Chat message" disabled>
    <button id="chat-send" type="submit" class="primary" disabled>Send</button>
  </form>`;

const CHAT_CAP = 200;
const DELETED_MEMORY = 1000;
const STICK_THRESHOLD_PX = 48;

/**
 * Renders chat into a <ul>, ordered and de-duplicated by `seq`. Live events, batches and
 * reconnect snapshots overlap freely, so every path funnels through the same insert.
 */
class ChatList {
  #ul;
  #decorate;
  #selfId;
  #seqs = [];              // ascending
  #items = new Map();      // seq -> li
  #seqById = new Map();    // messageId -> seq
  #deleted = new Set();    // messageIds; a late batch must not resurrect a deleted message

  constructor(ul, { decorate, selfId } = {}) {
    this.#ul = ul;
    this.#decorate = decorate;
    this.#selfId = selfId;
  }

  set selfId(id) { this.#selfId = id; }

  showTranslations(shown) { this.#ul.classList.toggle('hide-translations', !shown); }

  add(message, { provisional = false } = {}) {
    this.addAll([message], { provisional });
  }

  addAll(messages, { provisional = false } = {}) {
    if (!messages?.length) return;
    const stick = this.#nearBottom();
    for (const m of messages) this.#insert(m, provisional);
    this.#trim();
    if (stick) this.#ul.scrollTop = this.#ul.scrollHeight;
  }

  /** Shows a message's translation under its original; one per message (a later one replaces it). */
  translate({ messageId, language, text }) {
    const li = this.#items.get(this.#seqById.get(messageId));
    if (!li || typeof text !== 'string') return;
    let p = li.querySelector('.chat-translation');
    if (!p) {
      p = el('p', 'chat-translation');
      li.append(p);
    }
    p.lang = language ?? '';
    p.textContent = text;
  }

  remove(messageId) {
    this.#rememberDeleted(messageId);
    const seq = this.#seqById.get(messageId);
    if (seq === undefined) return;
    this.#drop(seq, this.#seqs.indexOf(seq));
  }

  clear() {
    this.#seqs = [];
    this.#items.clear();
    this.#seqById.clear();
    this.#deleted.clear();
    this.#ul.replaceChildren();
  }

  #insert(message, provisional) {
    const seq = Number(message?.seq);
    if (!Number.isFinite(seq) || this.#deleted.has(message.messageId)) return;

    const existing = this.#items.get(seq);
    if (existing) {
      // Our own optimistic echo gives way to the server's copy (it may have normalised the text).
      if (existing.dataset.provisional && !provisional) {
        const li = this.#render(message, false);
        existing.replaceWith(li);
        this.#items.set(seq, li);
      }
      return;
    }
    if (this.#seqs.length >= CHAT_CAP && seq < this.#seqs[0]) return;

    let i = this.#seqs.length;
    while (i > 0 && this.#seqs[i - 1] > seq) i--; // new messages almost always land at the end
    const li = this.#render(message, provisional);
    this.#ul.insertBefore(li, i < this.#seqs.length ? this.#items.get(this.#seqs[i]) : null);
    this.#seqs.splice(i, 0, seq);
    this.#items.set(seq, li);
    this.#seqById.set(message.messageId, seq);
  }

  #trim() {
    while (this.#seqs.length > CHAT_CAP) this.#drop(this.#seqs[0], 0);
  }

  #drop(seq, index) {
    const li = this.#items.get(seq);
    if (!li) return;
    li.remove();
    this.#items.delete(seq);
    this.#seqById.delete(li.dataset.messageId);
    if (index >= 0) this.#seqs.splice(index, 1);
  }

  #rememberDeleted(messageId) {
    this.#deleted.add(messageId);
    if (this.#deleted.size > DELETED_MEMORY) this.#deleted.delete(this.#deleted.values().next().value);
  }

  #nearBottom() {
    const ul = this.#ul;
    return ul.scrollHeight - ul.scrollTop - ul.clientHeight < STICK_THRESHOLD_PX;
  }

  #render(m, provisional) {
    const li = el('li', 'chat-item');
    li.dataset.seq = String(m.seq);
    li.dataset.messageId = m.messageId;
    li.dataset.userId = m.userId;
    if (provisional) li.dataset.provisional = 'true';
    if (m.userId === this.#selfId) li.classList.add('mine');

    const body = el('p', 'chat-body');
    body.append(el('span', 'chat-name', m.name || m.userId), ' ', el('span', 'chat-text', m.text));
    li.append(body);

    const sent = new Date(m.sentAt);
    if (!Number.isNaN(sent.getTime())) {
      const time = el('time', 'chat-time', sent.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
      time.dateTime = sent.toISOString();
      li.append(time);
    }
    this.#decorate?.(li, m);
    return li;
  }
}

/**
 * Wires a chat form (Enter submits it). The page decides when chat is open via
 * setOpen(); a send in flight blocks a second one without fighting that decision.
 */
function bindChatForm({ form, input, button, status, send }) {
  let open = false;
  let busy = false;
  const sync = () => {
    input.disabled = !open;
    button.disabled = !open || busy;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!open || busy || !text) return;
    busy = true;
    sync();
    try {
      await send(text);
      input.value = '';
      status.clear();
    } catch (err) {
      status.error(err); // keep the text so a muted or slowed user can resend it
    } finally {
      busy = false;
      sync();
      if (open) input.focus();
    }
  });

  sync();
  return {
    setOpen(isOpen, placeholder) {
      open = isOpen;
      input.placeholder = placeholder;
      sync();
    },
  };
}

/**
 * Fills the page's chat <section> with the list and the form. decorate(li, message) adds the
 * page's own touches to each message; send(text) sends one. Returns { list, setOpen(open, placeholder) }.
 */
export function renderChatPanel(section, { decorate, status, send, translation }) {
  section.innerHTML = PANEL;
  const list = new ChatList(section.querySelector('#chat-list'), { decorate });
  if (translation) renderTranslationControls(section, list, translation);
  const form = bindChatForm({
    form: section.querySelector('#chat-form'),
    input: section.querySelector('#chat-input'),
    button: section.querySelector('#chat-send'),
    status,
    send,
  });
  return { list, setOpen: form.setOpen };
}

// Languages offered to viewers; the server accepts any BCP 47 tag, and translates what its
// translator has pairs for.
const LANGUAGES = [
  ['en', 'English'], ['es', 'Español'], ['ca', 'Català'], ['fr', 'Français'], ['de', 'Deutsch'], ['it', 'Italiano'],
  ['pt', 'Português'], ['nl', 'Nederlands'], ['pl', 'Polski'], ['tr', 'Türkçe'], ['ru', 'Русский'], ['ar', 'العربية'],
  ['hi', 'हिन्दी'], ['id', 'Bahasa Indonesia'], ['vi', 'Tiếng Việt'], ['th', 'ไทย'], ['zh', '中文'], ['ja', '日本語'], ['ko', '한국어'],
];

/**
 * The reader's language (chat in other languages arrives translated under the original) and the
 * toggle that shows or hides translations. translation: { language, onLanguage(tag), shown, onShown(bool) }.
 */
function renderTranslationControls(section, list, translation) {
  const bar = el('div', 'chat-translation-bar');
  const label = el('label', '', 'Translate chat into ');
  const select = document.createElement('select');
  select.id = 'chat-language';
  for (const [tag, name] of LANGUAGES) {
    const option = document.createElement('option');
    option.value = tag;
    option.textContent = name;
    select.append(option);
  }
  if (translation.language && !LANGUAGES.some(([tag]) => tag === translation.language)) {
    const option = document.createElement('option');
    option.value = option.textContent = translation.language;
    select.append(option);
  }
  select.value = translation.language || 'en';
  select.addEventListener('change', () => translation.onLanguage(select.value));
  label.append(select);

  const toggleLabel = el('label', 'chat-translation-toggle');
  const toggle = document.createElement('input');
  toggle.type = 'checkbox';
  toggle.id = 'chat-show-translations';
  toggle.checked = translation.shown;
  const apply = () => list.showTranslations(toggle.checked);
  toggle.addEventListener('change', () => { apply(); translation.onShown(toggle.checked); });
  toggleLabel.append(toggle, ' Show translations');
  apply();

  bar.append(label, toggleLabel);
  section.querySelector('#chat-list').before(bar);
}
