// Small helpers every console module uses: finding and making elements, status lines, form errors, copying.
import { ApiError, hubError } from './api.js';

export const $ = (id) => document.getElementById(id);

/** A new element with a class and text; text nodes only, since what the consoles show is user data. */
export function el(tag, className = '', text = '') {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** Writes only on change: a tick every second must not churn the DOM or re-announce live regions. */
export function setText(node, text) {
  if (node && node.textContent !== text) node.textContent = text;
}

/**
 * A status element: show(state, text, code) writes the text, data-state (or the attribute named)
 * and data-code, which lets tests and support match on the stable code, not the wording.
 */
export function statusNote(node, attribute = 'state') {
  return (state, text, code = '') => {
    node.textContent = text;
    node.dataset[attribute] = state;
    node.dataset.code = code;
  };
}

/** The page's status line: errors (from REST, the hub or a form) and notices. */
export function statusLine(node) {
  const show = statusNote(node, 'kind');
  return {
    error(err) {
      const { code, message } = hubError(err);
      console.warn(`[${code}]`, err);
      show('error', message, code);
      node.scrollIntoView({ block: 'nearest' }); // the action may be a screen away on a phone
      return code;
    },
    info: (message) => show('info', message),
    clear: () => show('', ''),
  };
}

/** A validation error pointing at the field it is about. */
export function invalid(message, field) {
  field?.setAttribute('aria-invalid', 'true');
  field?.focus();
  return new ApiError('validation_failed', message);
}

/** Copies source's text ("room id", "product id"); where the clipboard is blocked (plain http) it is left selected for Ctrl+C. */
export async function copyText(source, status, what) {
  try {
    await navigator.clipboard.writeText(source.textContent);
    status.info(`${what[0].toUpperCase()}${what.slice(1)} copied.`);
  } catch {
    getSelection().selectAllChildren(source);
    status.info(`Press Ctrl+C (or long-press) to copy the selected ${what}.`);
  }
}
