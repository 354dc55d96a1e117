// The markets the reach picker lists by default, with English names. Any other ISO 3166-1
// alpha-2 code can still be typed into the filter; the server has the authoritative list.

export const MARKETS = [
  ['US', 'United States'], ['CA', 'Canada'], ['MX', 'Mexico'], ['BR', 'Brazil'], ['AR', 'Argentina'],
  ['CL', 'Chile'], ['CO', 'Colombia'], ['PE', 'Peru'], ['UY', 'Uruguay'], ['CR', 'Costa Rica'],
  ['GB', 'United Kingdom'], ['IE', 'Ireland'], ['DE', 'Germany'], ['FR', 'France'], ['ES', 'Spain'],
  ['IT', 'Italy'], ['PT', 'Portugal'], ['NL', 'Netherlands'], ['BE', 'Belgium'], ['LU', 'Luxembourg'],
  ['AT', 'Austria'], ['CH', 'Switzerland'], ['SE', 'Sweden'], ['NO', 'Norway'], ['DK', 'Denmark'],
  ['FI', 'Finland'], ['IS', 'Iceland'], ['PL', 'Poland'], ['CZ', 'Czechia'], ['SK', 'Slovakia'],
  ['HU', 'Hungary'], ['RO', 'Romania'], ['BG', 'Bulgaria'], ['GR', 'Greece'], ['HR', 'Croatia'],
  ['SI', 'Slovenia'], ['EE', 'Estonia'], ['LV', 'Latvia'], ['LT', 'Lithuania'], ['UA', 'Ukraine'],
  ['TR', 'Türkiye'], ['IL', 'Israel'], ['AE', 'United Arab Emirates'], ['SA', 'Saudi Arabia'], ['QA', 'Qatar'],
  ['KW', 'Kuwait'], ['EG', 'Egypt'], ['MA', 'Morocco'], ['ZA', 'South Africa'], ['NG', 'Nigeria'],
  ['KE', 'Kenya'], ['GH', 'Ghana'], ['IN', 'India'], ['PK', 'Pakistan'], ['BD', 'Bangladesh'],
  ['LK', 'Sri Lanka'], ['CN', 'China'], ['HK', 'Hong Kong'], ['MO', 'Macao'], ['TW', 'Taiwan'],
  ['JP', 'Japan'], ['KR', 'South Korea'], ['SG', 'Singapore'], ['MY', 'Malaysia'], ['TH', 'Thailand'],
  ['VN', 'Vietnam'], ['ID', 'Indonesia'], ['PH', 'Philippines'], ['AU', 'Australia'], ['NZ', 'New Zealand'],
];

const NAMES = new Map(MARKETS);

let displayNames = null;
try {
  displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
} catch {
  // Old browser: codes outside the list show without a name.
}

/** An English name for a region code, or '' when neither the list nor Intl knows it. */
export function regionName(code) {
  const upper = String(code ?? '').toUpperCase();
  if (NAMES.has(upper)) return NAMES.get(upper);
  if (!/^[A-Z]{2}$/.test(upper) || !displayNames) return '';
  try {
    return displayNames.of(upper) ?? '';
  } catch {
    return '';
  }
}

/** "DE Germany" for labels; the code alone when no name is known. */
export const regionLabel = (code) => [code, regionName(code)].filter(Boolean).join(' ');
