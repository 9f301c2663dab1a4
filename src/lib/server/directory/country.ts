/**
 * Countries by ISO 3166-1 alpha-2 code, named through Intl (ICU's CLDR data ships with Node), so
 * every country has its name in French, Korean and English without a table of our own.
 */
// XA and XB are CLDR's pseudo-locales ("Pseudo-Accents", "Pseudo-Bidi"), named but no country.
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB']);

export function isCountryCode(code: string): boolean {
	if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
	return new Intl.DisplayNames('en', { type: 'region', fallback: 'none' }).of(code) !== undefined;
}

export function countryNameIn(locale: string, code: string): string {
	return new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' }).of(code) ?? code;
}
