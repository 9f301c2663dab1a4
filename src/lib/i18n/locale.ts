/**
 * Which language a request is answered in: the URL first (/ko/…), then the cookie the language
 * switcher set, then the browser's Accept-Language, then French (the base language).
 */
import { baseLocale, isLocale, locales, type Locale } from '$lib/paraglide/runtime.js';

export const LOCALE_COOKIE = 'dari_lang';

export function localeFromPath(pathname: string): Locale | null {
	const first = pathname.split('/')[1] ?? '';
	return isLocale(first) ? first : null;
}

/** The best of our languages for an Accept-Language header, by its q-values. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
	if (!header) return null;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag, ...parameters] = part.trim().split(';');
			const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { language: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
		})
		.filter((entry) => entry.language && !Number.isNaN(entry.q) && entry.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	return (ranked.map((entry) => entry.language).find((language) => isLocale(language)) as Locale | undefined) ?? null;
}

export function resolveLocale(input: { pathname: string; cookie: string | undefined; acceptLanguage: string | null }): {
	locale: Locale;
	fromPath: boolean;
} {
	const fromPath = localeFromPath(input.pathname);
	if (fromPath) return { locale: fromPath, fromPath: true };
	if (input.cookie && isLocale(input.cookie)) return { locale: input.cookie, fromPath: false };
	return { locale: localeFromAcceptLanguage(input.acceptLanguage) ?? baseLocale, fromPath: false };
}

/** The path without its language segment: "/ko/account" → "/account". */
export function pathWithoutLocale(pathname: string): string {
	const locale = localeFromPath(pathname);
	if (!locale) return pathname;
	const rest = pathname.slice(locale.length + 1);
	return rest === '' ? '/' : rest;
}

/** A path inside Dari in a language: localizedPath('ko', '/account') → "/ko/account". */
export function localizedPath(locale: Locale, path: string): string {
	return `/${locale}${path === '/' ? '' : path}`;
}

export { locales, baseLocale, type Locale };
