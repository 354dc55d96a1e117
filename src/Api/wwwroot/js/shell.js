// The shell the four console pages share: the top bar (brand, who is signed in, sign out), the
// development sign-in form, the status line, and the session behind them.
//
// A page's HTML keeps only what must be there before any script runs (charset, viewport, colour
// scheme and the stylesheet, so nothing paints unstyled; its title, scripts and <noscript> notice)
// and its own panels in <main>. Its module calls renderShell() before it looks up any element,
// sets up its panels, then calls shell.start() with what to do on sign-in and sign-out.
import { devSignIn } from './api.js';
import { $, el, statusLine } from './ui.js';

const TOP_BAR = `
  <h1 class="brand"><a href="./">Broadcart</a> <span class="brand-sub"></span></h1>
  <p id="signed-in" class="who" hidden>
    <span>Signed in as <strong id="signed-in-as"></strong></span>
    <button type="button" id="sign-out" class="link">Sign out</button>
  </p>`;

const SIGN_IN = `
  <h2>Sign in</h2>
  <label>User id <input id="signin-user" name="user" required maxlength="64" autocomplete="username" autocapitalize="off" spellcheck="false"></label>
  <label>Display name <input id="signin-name" name="name" maxlength="50" autocomplete="nickname"></label>
  <label>Region <input id="signin-region" name="region" value="US" required maxlength="2" pattern="[A-Za-z]{2}" class="region" autocapitalize="characters" spellcheck="false"></label>
  <button id="signin-button" type="submit" class="primary"></button>`;

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

function render({ section, hint, namePlaceholder, signInLabel }) {
  const header = el('header', 'topbar');
  header.innerHTML = TOP_BAR; // fixed markup; the page's words go in as text below
  header.querySelector('.brand-sub').textContent = section;
  document.body.prepend(header);

  const main = document.querySelector('main');
  const form = el('form', 'panel stack');
  form.id = 'signin-form';
  form.autocomplete = 'on';
  form.innerHTML = SIGN_IN;
  if (hint) form.querySelector('h2').after(el('p', 'hint', hint));
  if (namePlaceholder) form.querySelector('#signin-name').placeholder = namePlaceholder;
  form.querySelector('#signin-button').textContent = signInLabel;
  const noscript = main.querySelector(':scope > noscript');
  if (noscript) noscript.after(form);
  else main.prepend(form);

  // Last in the flow: on a phone that is right under the chat box, where most errors come from.
  const line = el('p', 'status-line');
  line.id = 'status-line';
  line.setAttribute('role', 'status');
  line.setAttribute('aria-live', 'polite');
  main.append(line);
  return line;
}

/**
 * section: the top bar's page name; storageKey, roles, defaultUserId: the page's session;
 * hint, namePlaceholder, signInLabel: the sign-in form's words.
 * Returns { status, start({ onSignedIn, onSignedOut }), signOut(), fail(err) }.
 */
export function renderShell({
  section, storageKey, roles, defaultUserId, hint = '', namePlaceholder = '', signInLabel = 'Sign in',
}) {
  const status = statusLine(render({ section, hint, namePlaceholder, signInLabel }));
  const form = $('signin-form');
  const user = $('signin-user');
  const name = $('signin-name');
  const region = $('signin-region');
  const button = $('signin-button');
  let onSignedOut = null;

  const show = (session) => {
    form.hidden = !!session;
    $('signed-in').hidden = !session;
    $('signed-in-as').textContent = session?.name ?? '';
  };

  const shell = {
    status,
    /** Drops the session (an expired token, the Sign out button); the page's onSignedOut runs. */
    signOut() {
      sessionStorage.removeItem(storageKey);
      show(null);
      onSignedOut?.();
    },
    /** Shows err on the status line; a 401 means the token is gone, and signing out is the only way forward. */
    fail(err) {
      const code = status.error(err);
      if (code === 'unauthorized') shell.signOut();
      return code;
    },
    /**
     * Wires the sign-in form. Calls onSignedIn(session, { restored }) after a sign-in or, right
     * away, for a session kept in sessionStorage.
     */
    start({ onSignedIn, onSignedOut: signedOut }) {
      onSignedOut = signedOut;
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
      $('sign-out').addEventListener('click', shell.signOut);

      if (!user.value) user.value = defaultUserId;
      const saved = loadSession(storageKey);
      show(saved);
      if (saved) {
        user.value = saved.userId;
        name.value = saved.name;
        region.value = saved.region;
        onSignedIn(saved, { restored: true });
      }
    },
  };
  return shell;
}
