import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-days';
import { calendarNotesForRange, HOLIDAY_COUNTRIES, HOLIDAY_YEARS, holidaysBetween, holidaysOfYear, type HolidayCountry } from './holidays';
import { OFFICIAL_YEARS } from './korean-holidays';

const names = (notes: ReturnType<typeof calendarNotesForRange>) =>
	notes.filter((note) => note.holidays.length > 0).map((note) => [note.date, note.inside, note.holidays.map((holiday) => `${holiday.country} ${holiday.name.en}`)]);

describe('the days around a date-poll option', () => {
	it('24–26 September 2024 (the demo’s first choice, after Chuseok): no holiday within three days, two weekends around it', () => {
		const notes = calendarNotesForRange('2024-09-24', '2024-09-26');
		expect(notes.map((note) => note.date)).toEqual(['2024-09-21', '2024-09-22', '2024-09-23', '2024-09-24', '2024-09-25', '2024-09-26', '2024-09-27', '2024-09-28', '2024-09-29']);
		expect(notes.filter((note) => note.inside).map((note) => note.date)).toEqual(['2024-09-24', '2024-09-25', '2024-09-26']);
		expect(notes.filter((note) => note.weekend).map((note) => [note.date, note.weekday])).toEqual([
			['2024-09-21', 6],
			['2024-09-22', 0],
			['2024-09-28', 6],
			['2024-09-29', 0]
		]);
		expect(names(notes)).toEqual([]);
		// With a week of margin, Chuseok shows: 16–18 September.
		expect(names(calendarNotesForRange('2024-09-24', '2024-09-26', { marginDays: 8 }))).toEqual([
			['2024-09-16', false, ['KR Day before Chuseok (Harvest Festival)']],
			['2024-09-17', false, ['KR Chuseok (Harvest Festival)']],
			['2024-09-18', false, ['KR Day after Chuseok (Harvest Festival)']],
			['2024-10-01', false, ['KR Temporary public holiday']],
			['2024-10-03', false, ['KR National Foundation Day']]
		]);
	});

	it('29 September – 1 October 2024 (the second choice): the temporary holiday of 1 October inside, National Foundation Day around', () => {
		expect(names(calendarNotesForRange('2024-09-29', '2024-10-01'))).toEqual([
			['2024-10-01', true, ['KR Temporary public holiday']],
			['2024-10-03', false, ['KR National Foundation Day']]
		]);
	});

	it('shows both countries on one day, France first, and Alsace-Moselle only when asked', () => {
		const christmas = calendarNotesForRange('2027-12-25', '2027-12-25');
		expect(names(christmas)).toEqual([
			['2027-12-25', true, ['FR Christmas Day', 'KR Christmas Day']],
			['2027-12-27', false, ['KR Substitute holiday (Christmas Day)']]
		]);
		expect(names(calendarNotesForRange('2027-12-25', '2027-12-25', { alsaceMoselle: true }))[1]).toEqual(['2027-12-26', false, ["FR St Stephen's Day (Alsace-Moselle)"]]);
	});

	it('crosses a year: 30 December 2027 – 2 January 2028 (a provisional year is computed on the way)', () => {
		const notes = calendarNotesForRange('2027-12-30', '2028-01-02', { marginDays: 0 });
		expect(notes.map((note) => note.date)).toEqual(['2027-12-30', '2027-12-31', '2028-01-01', '2028-01-02']);
		expect(names(notes)).toEqual([['2028-01-01', true, ["FR New Year's Day", "KR New Year's Day"]]]);
	});

	it('refuses a range that ends before it starts, a day that does not exist, a negative margin', () => {
		expect(() => calendarNotesForRange('2024-09-26', '2024-09-24')).toThrow(/ends \(2024-09-24\) before it starts/);
		expect(() => calendarNotesForRange('2024-02-30', '2024-03-02')).toThrow(RangeError);
		expect(() => calendarNotesForRange('2024-09-24', '2024-09-26', { marginDays: -1 })).toThrow(RangeError);
		expect(() => holidaysBetween('KR', '24/09/2024', '2024-09-26')).toThrow(/YYYY-MM-DD/);
	});

	it('says which country’s holidays are unknown rather than showing none: Korea before 2018 and after 2050', () => {
		const notes = calendarNotesForRange('2018-01-01', '2018-01-01');
		expect(notes.map((note) => [note.date, note.unknownCountries])).toEqual([
			['2017-12-29', ['KR']],
			['2017-12-30', ['KR']],
			['2017-12-31', ['KR']],
			['2018-01-01', []],
			['2018-01-02', []],
			['2018-01-03', []],
			['2018-01-04', []]
		]);
		expect(names(notes)).toEqual([['2018-01-01', true, ["FR New Year's Day", "KR New Year's Day"]]]);
		expect(calendarNotesForRange('2051-09-01', '2051-09-01', { marginDays: 0 })).toEqual([{ date: '2051-09-01', weekday: 5, weekend: false, inside: true, holidays: [], unknownCountries: ['KR'] }]);
		expect(calendarNotesForRange('2017-12-25', '2017-12-25', { marginDays: 0 })[0].holidays.map((holiday) => holiday.country)).toEqual(['FR']);
	});
});

describe('holidaysBetween', () => {
	it('takes both ends and crosses years', () => {
		expect(holidaysBetween('KR', '2024-12-25', '2025-01-01').map((holiday) => holiday.date)).toEqual(['2024-12-25', '2025-01-01']);
		expect(holidaysBetween('FR', '2024-05-02', '2024-05-07')).toEqual([]);
	});
});

const country = fc.constantFrom<HolidayCountry>(...HOLIDAY_COUNTRIES);
const supportedYear = (of: HolidayCountry) => fc.integer({ min: HOLIDAY_YEARS[of].first, max: HOLIDAY_YEARS[of].last });
const countryAndYear = country.chain((of) => fc.tuple(fc.constant(of), supportedYear(of), fc.boolean()));

describe('properties of every supported year', () => {
	it('is sorted by day, within the year, one entry per day and kind, named in the three languages', () => {
		fc.assert(
			fc.property(countryAndYear, ([of, year, alsaceMoselle]) => {
				const holidays = holidaysOfYear(of, year, { alsaceMoselle });
				const days = holidays.map((holiday) => holiday.date);
				expect(days).toEqual([...days].sort());
				expect(days.every((day) => day.startsWith(`${year}-`))).toBe(true);
				const keys = holidays.map((holiday) => `${holiday.date} ${holiday.kind}`);
				expect(new Set(keys).size).toBe(keys.length);
				for (const holiday of holidays) {
					expect(holiday.country).toBe(of);
					expect(holiday.name.fr && holiday.name.en && /\p{Script=Hangul}/u.test(holiday.name.ko)).toBeTruthy();
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('Korea: three days of Seollal and of Chuseok in a row, one Buddha’s Birthday; provisional exactly in computed years and only for lunar and substitute days', () => {
		fc.assert(
			fc.property(supportedYear('KR'), (year) => {
				const holidays = holidaysOfYear('KR', year);
				for (const festival of ['Seollal', 'Chuseok']) {
					const days = holidays.filter((holiday) => holiday.kind === 'public' && holiday.name.en.includes(`${festival} (`)).map((holiday) => holiday.date);
					expect(days).toEqual([days[0], addDays(days[0], 1), addDays(days[0], 2)]);
				}
				expect(holidays.filter((holiday) => holiday.name.en.includes("Buddha's Birthday") && holiday.kind === 'public')).toHaveLength(1);
				const computed = !OFFICIAL_YEARS.includes(year);
				for (const holiday of holidays) {
					const lunarOrSubstitute = holiday.kind === 'substitute' || /Seollal|Chuseok|Buddha/.test(holiday.name.en);
					expect(holiday.provisional).toBe(computed && lunarOrSubstitute);
				}
			}),
			{ numRuns: 100 }
		);
	});

	it('Korea: a substitute day is a weekday that is no other holiday, after the holiday it replaces', () => {
		fc.assert(
			fc.property(supportedYear('KR'), (year) => {
				const holidays = holidaysOfYear('KR', year);
				for (const substitute of holidays.filter((holiday) => holiday.kind === 'substitute')) {
					expect([1, 2, 3, 4, 5]).toContain(new Date(`${substitute.date}T00:00:00Z`).getUTCDay());
					expect(holidays.filter((holiday) => holiday.date === substitute.date)).toHaveLength(1);
					const replaced = substitute.name.en.replace(/^Substitute holiday \((.+)\)$/, '$1');
					expect(holidays.some((holiday) => holiday.kind === 'public' && holiday.date < substitute.date && holiday.name.en.includes(replaced))).toBe(true);
				}
			}),
			{ numRuns: 100 }
		);
	});

	it('calendar notes: every day once, in order, the option’s days inside, each holiday on its own day', () => {
		const range = fc.tuple(fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2053, 11, 20) }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 7 }));
		fc.assert(
			fc.property(range, ([start, length, marginDays]) => {
				const from = new Date(start).toISOString().slice(0, 10);
				const to = addDays(from, length);
				const notes = calendarNotesForRange(from, to, { marginDays });
				expect(notes).toHaveLength(length + 1 + 2 * marginDays);
				notes.forEach((note, index) => {
					expect(note.date).toBe(addDays(from, index - marginDays));
					expect(note.inside).toBe(note.date >= from && note.date <= to);
					expect(note.weekend).toBe(note.weekday === 0 || note.weekday === 6);
					for (const holiday of note.holidays) expect(holiday.date).toBe(note.date);
					const year = Number(note.date.slice(0, 4));
					expect(note.unknownCountries).toEqual(HOLIDAY_COUNTRIES.filter((of) => year < HOLIDAY_YEARS[of].first || year > HOLIDAY_YEARS[of].last));
				});
			}),
			{ numRuns: 100 }
		);
	});
});

describe('more properties', () => {
	const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
	const named = (holidays: ReturnType<typeof holidaysOfYear>, english: string) => holidays.find((holiday) => holiday.name.en.split('; ').includes(english))?.date;

	it('France: Easter Monday and Whit Monday on Mondays, Ascension a Thursday 39 days after Easter; Alsace-Moselle adds Good Friday and 26 December, nothing else', () => {
		fc.assert(
			fc.property(supportedYear('FR'), (year) => {
				const national = holidaysOfYear('FR', year);
				const regional = holidaysOfYear('FR', year, { alsaceMoselle: true });
				const easterMonday = named(national, 'Easter Monday')!;
				expect(weekday(easterMonday)).toBe(1);
				expect(named(national, 'Ascension Day')).toBe(addDays(easterMonday, 38));
				expect(weekday(named(national, 'Ascension Day')!)).toBe(4);
				expect(named(national, 'Whit Monday')).toBe(addDays(easterMonday, 49));
				expect(regional.filter((holiday) => holiday.kind !== 'regional')).toEqual(national);
				expect(regional.filter((holiday) => holiday.kind === 'regional').map((holiday) => holiday.date)).toEqual([addDays(easterMonday, -3), `${year}-12-26`]);
				// Eleven days, one fewer in a year where Ascension falls on 1 or 8 May.
				const ascensionOnAFixedDay = [`${year}-05-01`, `${year}-05-08`].includes(named(national, 'Ascension Day')!);
				expect(national).toHaveLength(ascensionOnAFixedDay ? 10 : 11);
			}),
			{ numRuns: 200 }
		);
	});

	it('Korea: the fixed days on their dates; Seollal, Chuseok and Buddha’s Birthday within their seasons', () => {
		const fixed: [string, string][] = [
			["New Year's Day", '01-01'],
			['Independence Movement Day', '03-01'],
			["Children's Day", '05-05'],
			['Memorial Day', '06-06'],
			['Liberation Day', '08-15'],
			['National Foundation Day', '10-03'],
			['Hangul Day', '10-09'],
			['Christmas Day', '12-25']
		];
		fc.assert(
			fc.property(supportedYear('KR'), (year) => {
				const holidays = holidaysOfYear('KR', year);
				for (const [english, day] of fixed) expect(named(holidays, english), `${english} ${year}`).toBe(`${year}-${day}`);
				expect(named(holidays, 'Labour Day')).toBe(year >= 2026 ? `${year}-05-01` : undefined);
				expect(named(holidays, 'Constitution Day')).toBe(year >= 2026 ? `${year}-07-17` : undefined);
				const between = (english: string, first: string, last: string) => {
					const day = named(holidays, english)!.slice(5);
					expect(day >= first && day <= last, `${english} ${year}: ${day}`).toBe(true);
				};
				between('Seollal (Lunar New Year)', '01-21', '02-20');
				between('Chuseok (Harvest Festival)', '09-07', '10-08');
				between("Buddha's Birthday", '04-25', '05-31');
			}),
			{ numRuns: 100 }
		);
	});

	it('holidaysBetween is the years’ lists cut to the range; the calendar notes hold each of them once', () => {
		const range = fc.tuple(country, fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2048, 11, 1) }), fc.integer({ min: 0, max: 400 }), fc.boolean());
		fc.assert(
			fc.property(range, ([of, start, length, alsaceMoselle]) => {
				const from = new Date(start).toISOString().slice(0, 10);
				const to = addDays(from, length);
				const years = Array.from({ length: Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 }, (_, index) => Number(from.slice(0, 4)) + index);
				const expected = years.flatMap((year) => holidaysOfYear(of, year, { alsaceMoselle })).filter((holiday) => holiday.date >= from && holiday.date <= to);
				expect(holidaysBetween(of, from, to, { alsaceMoselle })).toEqual(expected);
				const noted = calendarNotesForRange(from, to, { marginDays: 0, alsaceMoselle }).flatMap((note) => note.holidays.filter((holiday) => holiday.country === of));
				expect(noted).toEqual(expected);
			}),
			{ numRuns: 100 }
		);
	});
});
