/**
 * A poll option's days in the reader's language, as the reference minutes write them: "mardi 24 –
 * jeudi 26 septembre 2024", "2024년 9월 24일 화요일 ~ 26일 목요일", "Tuesday, September 24 –
 * Thursday, September 26, 2024". Local calendar days: formatted at UTC midnight in UTC, so no zone
 * can move them to the day before.
 */
import type { Locale } from '$lib/paraglide/runtime.js';

const formats = new Map<Locale, Intl.DateTimeFormat>();

function dayFormat(locale: Locale): Intl.DateTimeFormat {
	let format = formats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
		formats.set(locale, format);
	}
	return format;
}

const midnight = (day: string) => new Date(`${day}T00:00:00Z`);

/** One day ("mardi 24 septembre 2024") or a range, shortened where months and years repeat. */
export function formatDayRange(startsOn: string, endsOn: string, locale: Locale): string {
	const format = dayFormat(locale);
	if (startsOn === endsOn) return format.format(midnight(startsOn));
	// ICU puts thin spaces around the dash; plain ones read the same in an e-mail's text and a search.
	return format.formatRange(midnight(startsOn), midnight(endsOn)).replace(/[\u2009\u202f]/g, ' ');
}

/** A holiday's or weekend's day, short: "lun. 16 sept." / "9월 16일 (월)". */
export function formatShortDay(day: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(midnight(day));
}
