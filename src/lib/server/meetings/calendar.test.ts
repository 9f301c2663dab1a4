import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { meetingCalendar, vtimezone } from './calendar';
import { utcToZonedFields, zonedToUtc } from '../../format/time-zones';

const options = { hostname: 'dari.test', organizer: { name: 'Groupe-pays Corée', email: 'noreply@dari.test' } };

function eventOf(text: string) {
	const component = new ICAL.Component(ICAL.parse(text));
	for (const zone of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
	const event = new ICAL.Event(component.getFirstSubcomponent('vevent')!);
	return { component, event };
}

/** The wall clock an instant shows in a zone, through ical.js's own zone data for Seoul (fixed +9). */
function clockIn(instantMs: number, timeZone: string) {
	return utcToZonedFields(new Date(instantMs).toISOString(), timeZone);
}

function calendarFor(date: string, time: string, endTime: string, timezone = 'Europe/Paris', sequence = 0) {
	return meetingCalendar(
		{
			id: '00000000-0000-4000-a000-000000000001',
			title: 'Réunion du groupe-pays Corée',
			description: 'Ordre du jour',
			startsAt: zonedToUtc(date, time, timezone).toISOString(),
			endsAt: zonedToUtc(date, endTime, timezone).toISOString(),
			timezone,
			location: 'https://visio.example.org/coree',
			url: 'https://dari.test/groups/coree/meetings/x',
			calendarSequence: sequence,
			stamp: '2026-11-28T09:00:00.000Z'
		},
		{ ...options, attendee: { name: 'Louise COULON', email: 'louise@example.org' } }
	);
}

describe('meeting calendar file', () => {
	it('holds a real VTIMEZONE, a stable UID, the SEQUENCE and METHOD:REQUEST', () => {
		const text = calendarFor('2024-02-27', '09:00', '10:00', 'Europe/Paris', 3);
		expect(text).toContain('METHOD:REQUEST');
		expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
		expect(text).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20240331T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200/);
		expect(text).toMatch(/BEGIN:STANDARD\r\nDTSTART:20241027T030000\r\nTZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0100/);
		expect(text).toContain('DTSTART;TZID=Europe/Paris:20240227T090000');
		const { event } = eventOf(text);
		expect(event.uid).toBe('meeting-00000000-0000-4000-a000-000000000001@dari.test');
		expect(event.sequence).toBe(3);
		expect(calendarFor('2024-03-05', '10:00', '11:00', 'Europe/Paris', 4)).toContain('UID:meeting-00000000-0000-4000-a000-000000000001@dari.test');
	});

	it('gives the right times in Paris and Seoul on both sides of a daylight-saving change', () => {
		// 26 March 2024: Paris on winter time (UTC+1), 8 hours behind Seoul.
		const before = eventOf(calendarFor('2024-03-26', '09:00', '10:00')).event;
		const beforeMs = before.startDate.toUnixTime() * 1000;
		expect(new Date(beforeMs).toISOString()).toBe('2024-03-26T08:00:00.000Z');
		expect(clockIn(beforeMs, 'Europe/Paris').time).toBe('09:00');
		expect(clockIn(beforeMs, 'Asia/Seoul').time).toBe('17:00');
		// 31 March 2024 from 03:00: summer time (UTC+2), 7 hours behind Seoul.
		const after = eventOf(calendarFor('2024-03-31', '09:00', '10:00')).event;
		const afterMs = after.startDate.toUnixTime() * 1000;
		expect(new Date(afterMs).toISOString()).toBe('2024-03-31T07:00:00.000Z');
		expect(clockIn(afterMs, 'Asia/Seoul').time).toBe('16:00');
		expect(after.startDate.zone?.tzid).toBe('Europe/Paris');
		expect(after.endDate.toUnixTime() - after.startDate.toUnixTime()).toBe(3600);
		// ical.js converts to Seoul from the file's own VTIMEZONE.
		const seoul = eventOf(calendarFor('2024-03-31', '16:00', '17:00', 'Asia/Seoul')).event;
		expect(seoul.startDate.toUnixTime() * 1000).toBe(afterMs);
		expect(vtimezone('Asia/Seoul', new Date('2024-03-31'))).toContain('TZOFFSETTO:+0900');
	});
});
