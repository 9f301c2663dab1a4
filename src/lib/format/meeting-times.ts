/**
 * How a meeting's time is written on every page: the day, then the clock in Paris and in Seoul
 * side by side ("09:00–10:00 heure de Paris · 17:00–18:00 heure de Séoul"), and the viewer's own
 * zone when it is neither. Each reading says its zone (ENGINEERING.md rule 6).
 */
import type { Locale } from '$lib/paraglide/runtime.js';
import { PARIS, SEOUL, zoneLabel } from './date-time';
import { isTimeZone } from './time-zones';

function clock(at: Date, locale: Locale, timeZone: string): string {
	const options: Intl.DateTimeFormatOptions =
		locale === 'en' ? { hour: 'numeric', minute: '2-digit', hour12: true, timeZone } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
	return new Intl.DateTimeFormat(locale, options).format(at);
}

/** "mardi 27 février 2024" in the zone (a meeting at 23:00 in Paris is on the next day in Seoul). */
export function formatMeetingDay(iso: string, locale: Locale, timeZone: string): string {
	return new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(new Date(iso));
}

/** "09:00–10:00 heure de Paris": the start and end clocks read in one zone. */
export function formatTimeRange(startIso: string, endIso: string | null, locale: Locale, timeZone: string): string {
	const start = new Date(startIso);
	const range = endIso ? `${clock(start, locale, timeZone)}–${clock(new Date(endIso), locale, timeZone)}` : clock(start, locale, timeZone);
	return `${range} ${zoneLabel(timeZone, locale, start)}`;
}

export interface MeetingTimeLine {
	zone: string;
	day: string;
	range: string;
}

/**
 * The readings a page shows: Paris, Seoul, then the meeting's own zone and the viewer's zone when
 * they are other ones. Each with its own day, since Seoul's evening may be Paris's morning.
 */
export function meetingTimeLines(startIso: string, endIso: string | null, locale: Locale, meetingZone: string, viewerZone?: string | null): MeetingTimeLine[] {
	const zones = [PARIS, SEOUL];
	for (const zone of [meetingZone, viewerZone]) if (zone && isTimeZone(zone) && !zones.includes(zone)) zones.push(zone);
	return zones.map((zone) => ({ zone, day: formatMeetingDay(startIso, locale, zone), range: formatTimeRange(startIso, endIso, locale, zone) }));
}

/** The zone to show besides Paris and Seoul when the viewer has chosen none: by their language. */
export function defaultViewerZone(locale: Locale): string {
	return locale === 'ko' ? SEOUL : locale === 'fr' ? PARIS : 'UTC';
}

/**
 * A meeting's time in one line, for pages that show it among other things (lists, minutes, actions):
 * the day in the meeting's own zone, then the clocks in Paris, in Seoul, in the meeting's zone and
 * in the viewer's (meetingTimeLines), each with its zone; a reading that falls on another day says
 * that day ("03:00 America/New York (GMT-5) (lundi 26 février 2024)").
 */
export function meetingTimeSummary(startIso: string, endIso: string | null, locale: Locale, meetingZone: string, viewerZone?: string | null): { day: string; times: string } {
	const day = formatMeetingDay(startIso, locale, meetingZone);
	const times = meetingTimeLines(startIso, endIso, locale, meetingZone, viewerZone)
		.map((line) => (line.day === day ? line.range : `${line.range} (${line.day})`))
		.join(' · ');
	return { day, times };
}
