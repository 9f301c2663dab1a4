/** How a practice's texts, kept in three languages, are shown to a reader of one of them. */
import type { Locale } from '$lib/paraglide/runtime.js';

/** The order in which languages stand in for the reader's own: French first, the group's base language. */
const FALLBACK: Locale[] = ['fr', 'ko', 'en'];

/**
 * The text in the reader's language, or else in the first language that has one, with that
 * language (for the `lang` attribute, and to say the reader sees another language).
 */
export function textIn(locale: Locale, texts: Record<Locale, string>): { text: string; lang: Locale } {
	for (const lang of [locale, ...FALLBACK]) if (texts[lang]?.trim()) return { text: texts[lang], lang };
	return { text: '', lang: locale };
}

/** The start of a summary for a list: up to about 220 characters, cut between words. */
export function excerpt(text: string, length = 220): string {
	if (text.length <= length) return text;
	const cut = text.slice(0, length);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
