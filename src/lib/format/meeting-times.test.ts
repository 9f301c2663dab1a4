import { describe, expect, it } from 'vitest';
import { formatInstantInZones } from './date-time';
import { meetingTimeLines, meetingTimeSummary } from './meeting-times';

describe('a meeting time on every page: Paris, Seoul and the viewer', () => {
	// The reference meeting: Tuesday 27 February 2024, 9:00–10:00 in Paris = 17:00–18:00 in Seoul.
	const start = '2024-02-27T08:00:00.000Z';
	const end = '2024-02-27T09:00:00.000Z';
	it('gives Paris and Seoul, then the viewer zone when it is another one', () => {
		expect(meetingTimeLines(start, end, 'fr', 'Europe/Paris', 'Europe/Paris').map((line) => line.zone)).toEqual(['Europe/Paris', 'Asia/Seoul']);
		expect(meetingTimeLines(start, end, 'en', 'Europe/Paris', 'America/New_York').map((line) => line.zone)).toEqual(['Europe/Paris', 'Asia/Seoul', 'America/New_York']);
	});
	it('writes the day once, and the day of a reading that falls on another one', () => {
		expect(meetingTimeSummary(start, end, 'fr', 'Europe/Paris', 'Europe/Paris')).toEqual({
			day: 'mardi 27 février 2024',
			times: '09:00–10:00 heure de Paris · 17:00–18:00 heure de Séoul'
		});
		const late = meetingTimeSummary('2024-02-27T19:00:00.000Z', null, 'fr', 'Europe/Paris', 'America/Los_Angeles');
		expect(late.day).toBe('mardi 27 février 2024');
		expect(late.times).toMatch(/^20:00 heure de Paris · 04:00 heure de Séoul \(mercredi 28 février 2024\) · 11:00 America\/Los Angeles \(UTC−8\)$/u);
	});
	it('writes instants of versions in Paris and in Seoul', () => {
		expect(formatInstantInZones(start, 'fr')).toBe('27 févr. 2024, 09:00 heure de Paris · 27 févr. 2024, 17:00 heure de Séoul');
		expect(formatInstantInZones(start, 'fr', ['Europe/Paris', 'Asia/Seoul', 'Europe/Paris', null])).toBe(formatInstantInZones(start, 'fr'));
	});
});
