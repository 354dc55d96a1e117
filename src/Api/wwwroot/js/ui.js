// Page furniture both consoles share: the status line, the sign-in form and the chat form.
import { devSignIn, hubError } from './api.js';

export const $ = (id) => document.getElementById(id);

export function statusLine(el) {
  const show = (message, kind, code = '') => {
    el.textContent = message;
    el.dataset.kind = kind;
    el.dataset.code = code; // lets tests and support match on the stable code, not the wording
  };
  return {
    error(err) {
      const { code, message } = hubError(err);
      console.warn(`[${code}]`, err);
      show(message, 'error', code);
      el.scrollIntoView({ block: 'nearest' }); // the action may be a screen away on a phone
      return code;
    },
    info: (message) => show(message, 'info'),
    clear: () => show('', ''),
  };
}

function tokenExpired(token) {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload.exp === 'number' && payload.exp * 1000 <= Date.now();
  } catch {
    return false; // not a JWT we can read: let the server decide
  }
}

function loadSession(key) {
  try {
    const session = JSON.parse(sessionStorage.getItem(key));
    if (session?.token && !tokenExpired(session.token)) return session;
  } catch {
    // Corrupt entry: treat as signed out.
  }
  sessionStorage.removeItem(key);
  return null;
}

/**
 * Wires #signin-form. Calls onSignedIn(session) after a sign-in or, on load, for a session
 * kept in sessionStorage; returns signOut() for pages that must drop an expired token.
 */
export function setupSignIn({ storageKey, roles, defaultUserId, status, onSignedIn, onSignedOut }) {
  const form = $('signin-form');
  const user = $('signin-user');
  const name = $('signin-name');
  const region = $('signin-region');
  const button = $('signin-button');

  const show = (session) => {
    form.hidden = !!session;
    $('signed-in').hidden = !session;
    $('signed-in-as').textContent = session?.name ?? '';
  };

  const signOut = () => {
    sessionStorage.removeItem(storageKey);
    show(null);
    onSignedOut?.();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const userId = user.value.trim();
    const session = {
      userId,
      name: name.value.trim() || userId,
      region: region.value.trim().toUpperCase(),
      roles,
    };
    if (!userId) return status.error({ code: 'validation_failed', message: 'Enter a user id.' });
    if (!/^[A-Z]{2}$/.test(session.region)) {
      return status.error({ code: 'validation_failed', message: 'Region must be two letters, e.g. US.' });
    }
    button.disabled = true;
    try {
      session.token = await devSignIn(session);
      sessionStorage.setItem(storageKey, JSON.stringify(session));
      status.clear();
      show(session);
      onSignedIn(session, { restored: false });
    } catch (err) {
      status.error(err);
    } finally {
      button.disabled = false;
    }
  });
  $('sign-out').addEventListener('click', signOut);

  if (!user.value) user.value = defaultUserId;
  const saved = loadSession(storageKey);
  show(saved);
  if (saved) {
    user.value = saved.userId;
    name.value = saved.name;
    region.value = saved.region;
    onSignedIn(saved, { restored: true });
  }
  return signOut;
}

/**
 * Wires a chat form (Enter submits it). The page decides when chat is open via
 * setOpen(); a send in flight blocks a second one without fighting that decision.
 */
export function bindChatForm({ form, input, button, status, send }) {
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
