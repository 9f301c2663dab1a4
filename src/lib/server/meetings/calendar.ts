/**
 * The calendar file of a meeting (RFC 5545), written with ical-generator: the event in the zone
 * the meeting was scheduled in, with a real VTIMEZONE block (its daylight-saving changes read from
 * Intl, the ICU data Node ships, so no zone database has to be bundled), a UID that stays the same
 * for the meeting's whole life and SEQUENCE = calendar_sequence, with METHOD:REQUEST: a calendar
 * that already holds the event updates it when the meeting moves instead of adding a second one.
 */
import ical, { ICalCalendarMethod, ICalAttendeeRole, ICalAttendeeStatus, type ICalTZDateStub } from 'ical-generator';
import { offsetMinutesAt, wallClockAt } from '../../format/time-zones';

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

function formatOffset(minutes: number): string {
	return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

function formatLocal(instant: number, offsetMinutes: number): string {
	const local = new Date(instant + offsetMinutes * 60_000);
	return `${pad(local.getUTCFullYear(), 4)}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`;
}

export interface ZoneTransition {
	/** The UTC instant (ms) from which `offsetTo` holds. */
	at: number;
	offsetFrom: number;
	offsetTo: number;
}

const HOUR = 3_600_000;

/**
 * Every change of a zone's offset between two instants. Scanned in 6-hour steps (no zone has
 * changed its offset twice within 6 hours), then narrowed to the minute by bisection.
 */
export function zoneTransitions(timeZone: string, from: number, to: number): ZoneTransition[] {
	const transitions: ZoneTransition[] = [];
	let previous = offsetMinutesAt(from, timeZone);
	for (let at = from + 6 * HOUR; at <= to; at += 6 * HOUR) {
		const offset = offsetMinutesAt(at, timeZone);
		if (offset === previous) continue;
		let low = at - 6 * HOUR;
		let high = at;
		while (high - low > 60_000) {
			const middle = low + Math.floor((high - low) / 120_000) * 60_000;
			if (offsetMinutesAt(middle, timeZone) === previous) low = middle;
			else high = middle;
		}
		transitions.push({ at: high, offsetFrom: previous, offsetTo: offset });
		previous = offset;
	}
	return transitions;
}

/**
 * A VTIMEZONE block for a zone, holding each offset change from the year before `around` to the
 * year after (one STANDARD or DAYLIGHT part per change: explicit dates, no RRULE to get wrong),
 * or one STANDARD part when the zone keeps one offset all that time (Seoul, UTC).
 */
export function vtimezone(timeZone: string, around: Date): string {
	const year = around.getUTCFullYear();
	const from = Date.UTC(year - 1, 0, 1);
	const to = Date.UTC(year + 2, 0, 1);
	const transitions = zoneTransitions(timeZone, from, to);
	const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
	if (transitions.length === 0) {
		const offset = formatOffset(offsetMinutesAt(from, timeZone));
		lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
	}
	for (const transition of transitions) {
		// The larger offset is summer time in every zone that has one.
		const kind = transition.offsetTo > transition.offsetFrom ? 'DAYLIGHT' : 'STANDARD';
		lines.push(
			`BEGIN:${kind}`,
			// DTSTART is the wall-clock time of the change, read with the offset in force before it.
			`DTSTART:${formatLocal(transition.at, transition.offsetFrom)}`,
			`TZOFFSETFROM:${formatOffset(transition.offsetFrom)}`,
			`TZOFFSETTO:${formatOffset(transition.offsetTo)}`,
			`END:${kind}`
		);
	}
	lines.push('END:VTIMEZONE');
	return lines.join('\r\n');
}

/**
 * An instant ical-generator writes as wall-clock time in a zone. Without it, a plain Date is
 * written in the server's own zone; ical-generator recognises this shape (@date-fns/tz's TZDate).
 */
export function zonedInstant(iso: string): ICalTZDateStub {
	const instant = new Date(iso);
	return Object.assign(new Date(iso), {
		internal: new Date(iso),
		tzComponents: () => ({}),
		withTimeZone(timeZone: string) {
			const clock = wallClockAt(instant, timeZone);
			const local = new Date(iso);
			local.getFullYear = () => clock.year;
			local.getMonth = () => clock.month - 1;
			local.getDate = () => clock.day;
			local.getHours = () => clock.hour;
			local.getMinutes = () => clock.minute;
			local.getSeconds = () => clock.second;
			return local;
		}
	}) as unknown as ICalTZDateStub;
}

export interface CalendarMeeting {
	id: string;
	title: string;
	description: string;
	startsAt: string;
	endsAt: string;
	timezone: string;
	location: string | null;
	url: string | null;
	calendarSequence: number;
	/** Created or last changed: DTSTAMP. */
	stamp: string;
}

export interface CalendarOptions {
	/** The domain that makes the UID unique ("dari.example.org"). */
	hostname: string;
	organizer: { name: string; email: string };
	/** The invitee, for an invitation e-mail (iTIP REQUEST names its attendee). */
	attendee?: { name: string; email: string } | null;
}

/** The stable UID of a meeting's event: the same for every invitation and update. */
export function meetingUid(meetingId: string, hostname: string): string {
	return `meeting-${meetingId}@${hostname}`;
}

/** The .ics text of a meeting. */
export function meetingCalendar(meeting: CalendarMeeting, options: CalendarOptions): string {
	const calendar = ical({
		prodId: { company: 'Dari', product: 'meetings', language: 'FR' },
		method: ICalCalendarMethod.REQUEST,
		timezone: { name: null, generator: (timeZone) => vtimezone(timeZone, new Date(meeting.startsAt)) }
	});
	const event = calendar.createEvent({
		id: meetingUid(meeting.id, options.hostname),
		sequence: meeting.calendarSequence,
		stamp: new Date(meeting.stamp),
		start: zonedInstant(meeting.startsAt),
		end: zonedInstant(meeting.endsAt),
		timezone: meeting.timezone,
		summary: meeting.title,
		description: meeting.description,
		location: meeting.location ?? undefined,
		url: meeting.url ?? undefined,
		organizer: options.organizer
	});
	if (options.attendee) {
		event.createAttendee({
			email: options.attendee.email,
			name: options.attendee.name,
			role: ICalAttendeeRole.REQ,
			status: ICalAttendeeStatus.NEEDSACTION,
			rsvp: true
		});
	}
	return calendar.toString();
}
