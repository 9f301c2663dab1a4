import { describe, expect, it } from 'vitest';
import { formatInstant, formatParisAndSeoul } from './date-time';

describe('dates always say their time zone', () => {
	// The meeting of the reference minutes: 27 February 2024, 9:00 in France = 8:00 UTC.
	const meeting = '2024-02-27T08:00:00.000Z';
	it('shows Paris and Seoul side by side', () => {
		expect(formatParisAndSeoul(meeting, 'fr')).toBe('09:00 heure de Paris · 17:00 heure de Séoul');
		expect(formatParisAndSeoul(meeting, 'ko')).toBe('09:00 파리 시간 · 17:00 서울 시간');
		expect(formatParisAndSeoul(meeting, 'en')).toBe('9:00 AM Paris time · 5:00 PM Seoul time');
	});
	it('names the zone of a single instant, summer time included', () => {
		expect(formatInstant(meeting, 'fr')).toBe('27 févr. 2024, 09:00 heure de Paris');
		expect(formatInstant('2024-09-24T01:00:00.000Z', 'en', 'Asia/Seoul')).toBe('Sep 24, 2024, 10:00 AM Seoul time');
		expect(formatInstant('2024-06-02T10:00:00.000Z', 'fr')).toBe('2 juin 2024, 12:00 heure de Paris');
		expect(formatInstant(meeting, 'ko', 'Asia/Seoul')).toBe('2024년 2월 27일 17:00 서울 시간');
		expect(formatInstant('2024-06-02T10:00:00.000Z', 'en', 'America/New_York')).toMatch(/^Jun 2, 2024, 6:00 AM America\/New York \(GMT-4\)$/);
	});
});
