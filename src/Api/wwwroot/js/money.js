// Money on the wire is { currency, amountMinor } in integer minor units. Arithmetic stays in
// integers; a float appears only in the one division that feeds Intl for display.
import { ApiError } from './api.js';

const digitsByCurrency = new Map();
const formatters = new Map();

/** Minor-unit digits of an ISO 4217 code (USD 2, JPY 0, KWD 3); throws RangeError for a bad code. */
export function currencyDigits(currency) {
  const code = String(currency ?? '').toUpperCase();
  let digits = digitsByCurrency.get(code);
  if (digits === undefined) {
    if (!/^[A-Z]{3}$/.test(code)) throw new RangeError(`Invalid currency code: ${code}`);
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
    digitsByCurrency.set(code, digits);
  }
  return digits;
}

// Intl formats any well-formed code (ZZZ included); where it can list the real ones, ask it.
const KNOWN = typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;

/** For input checks: a code Intl knows, not merely three letters. */
export function isCurrency(code) {
  try {
    currencyDigits(code);
    return !KNOWN || KNOWN.has(String(code).toUpperCase());
  } catch {
    return false;
  }
}

/** "€18.99" in the reader's locale; '' for no price; a plain "1899 EUR" if Intl refuses the code. */
export function formatMoney(money) {
  if (!money || typeof money.currency !== 'string' || !Number.isSafeInteger(money.amountMinor)) return '';
  const code = money.currency.toUpperCase();
  try {
    const digits = currencyDigits(code);
    let fmt = formatters.get(code);
    if (!fmt) {
      fmt = new Intl.NumberFormat(undefined, {
        style: 'currency', currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits,
      });
      formatters.set(code, fmt);
    }
    return fmt.format(money.amountMinor / 10 ** digits);
  } catch {
    return `${money.amountMinor} ${code}`;
  }
}

export const sameMoney = (a, b) => !!a && !!b
  && String(a.currency).toUpperCase() === String(b.currency).toUpperCase() && a.amountMinor === b.amountMinor;

/**
 * "18.99" (or "18,99") in major units → 1899 for EUR, by string arithmetic. One separator at most,
 * always read as the decimal point, so "1,500" is refused for USD instead of becoming 1.5 dollars.
 */
export function parseMajor(text, currency, field = 'amount') {
  const invalid = (message) => new ApiError('validation_failed', message);
  let digits;
  try {
    digits = currencyDigits(currency);
  } catch {
    throw invalid(`${field}: "${currency}" is not a currency code (e.g. USD, EUR, JPY).`);
  }
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(String(text ?? '').trim());
  if (!m) throw invalid(`${field}: enter an amount like ${digits ? `12.${'5'.padEnd(digits, '0')}` : '1200'}.`);
  const fraction = m[2] ?? '';
  if (fraction.length > digits) {
    const hint = /,/.test(text) ? ' (no thousands separators)' : '';
    throw invalid(digits
      ? `${field}: ${currency} has ${digits} decimal places at most${hint}.`
      : `${field}: ${currency} has no minor unit; enter a whole amount${hint}.`);
  }
  const minor = BigInt(m[1]) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid(`${field}: that amount is too large.`);
  return Number(minor);
}

/** { currency: 'USD', amountMinor: 1899 } → "18.99" for an input field (no grouping, always a dot). */
export function toMajorText(money) {
  if (!money || !Number.isSafeInteger(money.amountMinor)) return '';
  let digits;
  try {
    digits = currencyDigits(money.currency);
  } catch {
    return String(money.amountMinor);
  }
  const sign = money.amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(money.amountMinor)).padStart(digits + 1, '0');
  return digits ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` : `${sign}${text}`;
}

/** Major units as a float, for charts only (never for arithmetic on money). */
export function toMajorNumber(money) {
  if (!money || !Number.isFinite(money.amountMinor)) return 0;
  try {
    return money.amountMinor / 10 ** currencyDigits(money.currency);
  } catch {
    return money.amountMinor;
  }
}
