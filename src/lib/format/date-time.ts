/**
 * Dates and times always say their time zone (ENGINEERING.md rule 6). Formatting goes through
 * Intl in the reader's language.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';

export const PARIS = 'Europe/Paris';
export const SEOUL = 'Asia/Seoul';

/** "heure de Paris", "서울 시간"…, or the IANA name with its offset for other zones. */
export function zoneLabel(timeZone: string, locale: Locale, at: Date): string {
	if (timeZone === PARIS) return m.zone_europe_paris({}, { locale });
	if (timeZone === SEOUL) return m.zone_asia_seoul({}, { locale });
	if (timeZone === 'UTC') return m.zone_utc({}, { locale });
	const offset = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' })
		.formatToParts(at)
		.find((part) => part.type === 'timeZoneName')?.value;
	return `${timeZone.replace(/_/g, ' ')}${offset ? ` (${offset})` : ''}`;
}

/**
 * Clock style per language: 24-hour in French and Korean (how meeting times are written in both
 * countries' institutions; ICU 78 also renders Korean 12-hour times as "AM 9:00", not "오전 9:00"),
 * 12-hour in English.
 */
function timeOptions(locale: Locale): Intl.DateTimeFormatOptions {
	return locale === 'en' ? { hour: 'numeric', minute: '2-digit', hour12: true } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
}

/** "27 févr. 2024, 09:00 heure de Paris". */
export function formatInstant(iso: string, locale: Locale, timeZone: string = PARIS): string {
	const at = new Date(iso);
	const text = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', ...timeOptions(locale), timeZone }).format(at);
	return `${text} ${zoneLabel(timeZone, locale, at)}`;
}

/** "09:00 heure de Paris · 17:00 heure de Séoul": meetings show both sides' clocks. */
export function formatParisAndSeoul(iso: string, locale: Locale): string {
	const at = new Date(iso);
	const time = (timeZone: string) =>
		`${new Intl.DateTimeFormat(locale, { ...timeOptions(locale), timeZone }).format(at)} ${zoneLabel(timeZone, locale, at)}`;
	return `${time(PARIS)} · ${time(SEOUL)}`;
}

/**
 * An instant read in several zones, each once, in order: "27 févr. 2024, 09:00 heure de Paris ·
 * 27 févr. 2024, 17:00 heure de Séoul" (versions of minutes, publication dates).
 */
export function formatInstantInZones(iso: string, locale: Locale, zones: readonly (string | null | undefined)[] = [PARIS, SEOUL]): string {
	const shown = [...new Set(zones.filter((zone): zone is string => Boolean(zone)))];
	return shown.map((zone) => formatInstant(iso, locale, zone)).join(' · ');
}

export function formatNumber(value: number, locale: Locale): string {
	return new Intl.NumberFormat(locale).format(value);
}
