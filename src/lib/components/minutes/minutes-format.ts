/**
 * Showing minutes' bilingual texts and dates: which language's text to show (with the original as
 * fallback when the translation is missing) and local dates said with their zone.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { zoneLabel } from '$lib/format/date-time';

export type MinutesLanguage = 'fr' | 'ko';

/** The text to show in `language`: the translation when written, else the original, marked as such. */
export function pickText(text: { fr: string; ko: string }, language: MinutesLanguage, original: MinutesLanguage): { value: string; lang: MinutesLanguage; fallback: boolean } {
	if (text[language] !== '') return { value: text[language], lang: language, fallback: false };
	const other: MinutesLanguage = language === 'fr' ? 'ko' : 'fr';
	const source = text[original] !== '' ? original : other;
	return { value: text[source], lang: source, fallback: text[source] !== '' };
}

export function languageName(language: MinutesLanguage, locale: Locale): string {
	return language === 'fr' ? m.minutes_language_name_fr({}, { locale }) : m.minutes_language_name_ko({}, { locale });
}

/** "15 mars 2024": a calendar day, for a sentence that already says its zone. */
export function formatPlainDate(day: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** "15 mars 2024 (heure de Paris)": a calendar day of a zone. */
export function formatLocalDate(day: string, locale: Locale, timeZone: string): string {
	const noon = new Date(`${day}T12:00:00Z`);
	return m.minutes_local_date({ date: formatPlainDate(day, locale), zone: zoneLabel(timeZone, locale, noon) }, { locale });
}

/**
 * The speaker's organisation to write after their title, unless the title already names it (titles
 * written from old minutes often end with it: "Directeur général, GAROK France"). The comparison
 * leaves out a parenthesised expansion ("GAROK France (Centre coréen des collectivités locales)").
 */
export function organisationToShow(title: string | null, organisation: { fr: string; ko: string } | null, language: MinutesLanguage): string | null {
	if (!organisation) return null;
	const name = organisation[language] || organisation.fr;
	const core = (text: string) => text.replace(/\([^)]*\)/g, '').trim().toLocaleLowerCase('fr');
	if (title && [organisation.fr, organisation.ko].some((written) => written && core(written) !== '' && core(title).includes(core(written)))) return null;
	return name;
}

export function actionStatusLabel(status: 'open' | 'done' | 'cancelled', locale: Locale): string {
	if (status === 'open') return m.minutes_action_status_open({}, { locale });
	if (status === 'done') return m.minutes_action_status_done({}, { locale });
	return m.minutes_action_status_cancelled({}, { locale });
}

