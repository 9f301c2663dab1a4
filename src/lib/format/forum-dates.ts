/**
 * A forum's days: local calendar dates of the host (ENGINEERING.md rule 6), written in the reader's
 * language and followed by the zone they belong to ("2–8 juin 2023 · heure de Paris").
 */
import type { Locale } from '$lib/paraglide/runtime.js';
import { zoneLabel } from './date-time';

/** A local date read as itself: formatted at UTC midnight in UTC, so no zone moves it. */
const atUtcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);

/** "2–8 juin 2023", "2023년 6월 2일~8일", "June 2 – 8, 2023". */
export function formatLocalDateRange(startsOn: string, endsOn: string, locale: Locale): string {
	const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
	return startsOn === endsOn ? format.format(atUtcMidnight(startsOn)) : format.formatRange(atUtcMidnight(startsOn), atUtcMidnight(endsOn));
}

/** "vendredi 2 juin 2023": a day heading of the programme. */
export function formatLocalDay(date: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(atUtcMidnight(date));
}

/** The forum's dates with the zone they are local to, or null when not chosen. */
export function forumDatesText(forum: { startsOn: string | null; endsOn: string | null; hostTimezone: string }, locale: Locale): string | null {
	if (!forum.startsOn || !forum.endsOn) return null;
	return `${formatLocalDateRange(forum.startsOn, forum.endsOn, locale)} · ${zoneLabel(forum.hostTimezone, locale, atUtcMidnight(forum.startsOn))}`;
}

/** The host country's name in the reader's language ("Corée du Sud", "대한민국", "France"). */
export function countryName(code: string, locale: Locale): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
	} catch {
		return code;
	}
}
