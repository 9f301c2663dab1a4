import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { easterSunday } from './french-holidays';
import { holidaysOfYear } from './holidays';

const france = (year: number, alsaceMoselle = false) => holidaysOfYear('FR', year, { alsaceMoselle });

/** date-holidays' public holidays of France (or of Moselle, department 57): YYYY-MM-DD. */
function dateHolidaysList(year: number, state?: string): string[] {
	const calendar = state ? new Holidays('FR', state) : new Holidays('FR');
	return calendar
		.getHolidays(year)
		.filter((holiday) => holiday.type === 'public')
		.map((holiday) => holiday.date.slice(0, 10))
		.sort();
}

describe('France', () => {
	it('gives the eleven public holidays of 2024, named in French, Korean and English', () => {
		expect(france(2024).map((holiday) => [holiday.date, holiday.name.fr])).toEqual([
			['2024-01-01', "Jour de l'an"],
			['2024-04-01', 'Lundi de Pâques'],
			['2024-05-01', 'Fête du Travail'],
			['2024-05-08', 'Victoire 1945'],
			['2024-05-09', 'Ascension'],
			['2024-05-20', 'Lundi de Pentecôte'],
			['2024-07-14', 'Fête nationale'],
			['2024-08-15', 'Assomption'],
			['2024-11-01', 'Toussaint'],
			['2024-11-11', 'Armistice 1918'],
			['2024-12-25', 'Noël']
		]);
		for (const holiday of france(2024)) {
			expect(holiday).toMatchObject({ country: 'FR', kind: 'public', provisional: false });
			expect(holiday.name.ko).toMatch(/\p{Script=Hangul}/u);
			expect(holiday.name.en).not.toBe('');
		}
	});

	it('adds Good Friday and 26 December for Alsace-Moselle, as regional days', () => {
		const regional = france(2024, true).filter((holiday) => holiday.kind === 'regional');
		expect(regional.map((holiday) => [holiday.date, holiday.name.fr])).toEqual([
			['2024-03-29', 'Vendredi saint (Alsace-Moselle)'],
			['2024-12-26', 'Saint-Étienne (Alsace-Moselle)']
		]);
		expect(france(2024, true)).toHaveLength(13);
		expect(france(2025, true).filter((holiday) => holiday.kind === 'regional').map((holiday) => holiday.date)).toEqual(['2025-04-18', '2025-12-26']);
	});

	it('computes Easter as known: 2024-03-31, 2025-04-20, 2038-04-25 (the latest possible), 2285-03-22 (the earliest)', () => {
		expect([2024, 2025, 2038, 2285, 2000, 1818].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2038-04-25', '2285-03-22', '2000-04-23', '1818-03-22']);
	});

	it('moves with Easter: Ascension on 1 May 2008 is one entry named after both', () => {
		expect(france(2008).filter((holiday) => holiday.date === '2008-05-01')).toEqual([
			{ date: '2008-05-01', country: 'FR', kind: 'public', provisional: false, name: { fr: 'Fête du Travail ; Ascension', ko: '노동절, 예수 승천일', en: 'Labour Day; Ascension Day' } }
		]);
		expect(france(2008)).toHaveLength(10);
	});

	it('gives the same days as date-holidays for every year from 2000 to 2050, with and without Alsace-Moselle', () => {
		for (let year = 2000; year <= 2050; year++) {
			// date-holidays also lists a day twice when Ascension is 1 May: compare the sets of days.
			expect([...new Set(france(year).map((holiday) => holiday.date))], String(year)).toEqual([...new Set(dateHolidaysList(year))]);
			expect([...new Set(france(year, true).map((holiday) => holiday.date))], `${year} Alsace-Moselle`).toEqual([...new Set(dateHolidaysList(year, '57'))]);
		}
	});

	it('refuses the years before 8 May was restored (1982)', () => {
		expect(() => france(1981)).toThrow(RangeError);
		expect(france(1982)).toHaveLength(11);
	});
});
