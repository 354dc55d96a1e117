// What the streamer console and the viewer page share around their LiveRoom: one LiveRoom per
// signed-in session, the chat panel, and the room's title, status, counters and chat box state.
import { renderChatPanel } from './chat.js';
import { LiveRoom } from './live-room.js';
import { $ } from './ui.js';

/**
 * shell: the page's shell (its status line and fail()); heading: the room title's element;
 * decorate(li, message): the page's own touches on each chat message; prompts: the chat box's
 * placeholder while chat is open and before the show starts; onChange(state): the page's render,
 * which calls render() for the parts below; onPurchase(purchase): the page's purchase ticker;
 * translation (the viewer page): { language, current(), onLanguage(tag), shown, onShown(bool) }.
 * Returns { live, session, chat, signIn(session), signOut(), render(state, shown) }.
 */
export function setupLivePage({ shell, heading, decorate, prompts, onChange, onPurchase, translation }) {
  let live = null;
  let session = null;
  const panel = renderChatPanel($('chat-section'), {
    decorate,
    status: shell.status,
    send: (text) => live.sendChat(text),
    translation: translation && {
      ...translation,
      onLanguage(tag) {
        translation.onLanguage?.(tag);
        live?.setLanguage(tag).catch(shell.fail);
      },
    },
  });

  return {
    get live() { return live; },
    get session() { return session; },
    chat: panel.list,

    /** A LiveRoom for this session; false when the live client could not start (the error is shown). */
    signIn(s) {
      session = s;
      live?.stop();
      try {
        live = new LiveRoom({
          token: s.token, self: s, chat: panel.list, onChange, onError: shell.fail, onPurchase,
          language: translation?.current(),
        });
      } catch (err) {
        live = null;
        shell.fail(err);
        return false;
      }
      panel.list.selfId = s.userId;
      return true;
    },

    signOut() {
      live?.stop();
      live = null;
      session = null;
      panel.list.clear();
      $('room-section').hidden = true;
      $('chat-section').hidden = true;
    },

    /** The room and chat panels (shown or not) and what both pages show of the room; true when its connection is up. */
    render(state, shown) {
      $('room-section').hidden = !shown;
      $('chat-section').hidden = !shown;
      heading.textContent = state.title || 'Untitled room';
      const roomStatus = $('room-status');
      roomStatus.textContent = state.status;
      roomStatus.dataset.status = state.status;
      $('viewer-count').textContent = String(state.viewerCount);
      $('like-total').textContent = String(state.likes);
      $('connection-state').textContent = state.connection === 'connected' ? '' : state.connection;

      const connected = state.joined && state.connection === 'connected';
      const open = connected && state.status === 'live';
      panel.setOpen(open, open ? prompts.open
        : !connected ? 'Not connected to live chat'
          : state.status === 'ended' ? 'This show has ended' : prompts.waiting);
      return connected;
    },
  };
}
