import { describe, expect, it } from 'vitest';
import { holidaysOfYear, type Holiday } from './holidays';
import { computedKoreanHolidays, OFFICIAL_YEARS, officialKoreanHolidays } from './korean-holidays';
import { readOfficialName } from './korean-holiday-names';
import * as officialLists from '@hyunbinseo/holidays-kr/all';

const line = (holiday: Holiday) => `${holiday.date} ${holiday.kind} ${holiday.name.ko}`;
const korea = (year: number) => holidaysOfYear('KR', year);
const on = (year: number, date: string) => korea(year).filter((holiday) => holiday.date === date);

describe('Korea, from the official list', () => {
	it('holds the years 2018 to 2027 of @hyunbinseo/holidays-kr 5.2027.1 (the boundary of provisional years)', () => {
		expect(OFFICIAL_YEARS).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
	});

	it('gives Seollal 2024 as three days, 9 to 11 February, and its substitute on Monday 12 February', () => {
		expect(korea(2024).filter((holiday) => holiday.date >= '2024-02-01' && holiday.date <= '2024-02-29')).toEqual([
			{ date: '2024-02-09', country: 'KR', kind: 'public', provisional: false, name: { ko: '설날 전날', fr: 'Veille de Seollal (Nouvel An lunaire)', en: 'Day before Seollal (Lunar New Year)' } },
			{ date: '2024-02-10', country: 'KR', kind: 'public', provisional: false, name: { ko: '설날', fr: 'Seollal (Nouvel An lunaire)', en: 'Seollal (Lunar New Year)' } },
			{ date: '2024-02-11', country: 'KR', kind: 'public', provisional: false, name: { ko: '설날 다음 날', fr: 'Lendemain de Seollal (Nouvel An lunaire)', en: 'Day after Seollal (Lunar New Year)' } },
			{ date: '2024-02-12', country: 'KR', kind: 'substitute', provisional: false, name: { ko: '대체공휴일(설날)', fr: 'Jour férié de remplacement (Seollal)', en: 'Substitute holiday (Seollal)' } }
		]);
	});

	it('gives Chuseok 2024 as 16 to 18 September, and the temporary holiday of 1 October 2024', () => {
		const autumn = korea(2024).filter((holiday) => holiday.date >= '2024-09-01' && holiday.date <= '2024-10-31');
		expect(autumn.map(line)).toEqual([
			'2024-09-16 public 추석 전날',
			'2024-09-17 public 추석',
			'2024-09-18 public 추석 다음 날',
			'2024-10-01 temporary 임시공휴일',
			'2024-10-03 public 개천절',
			'2024-10-09 public 한글날'
		]);
		expect(autumn[1].name.en).toBe('Chuseok (Harvest Festival)');
		expect(autumn[3].name).toMatchObject({ fr: 'Jour férié exceptionnel', en: 'Temporary public holiday' });
	});

	it('gives the legislative election of 10 April 2024 as an election day', () => {
		expect(on(2024, '2024-04-10')).toEqual([
			{
				date: '2024-04-10',
				country: 'KR',
				kind: 'election',
				provisional: false,
				name: { ko: '제22대국회의원선거', fr: 'Élections législatives (22e Assemblée nationale)', en: 'Election of the 22nd National Assembly' }
			}
		]);
		expect(on(2022, '2022-03-09').map((holiday) => [holiday.kind, holiday.name.en])).toEqual([['election', 'Presidential election']]);
		expect(on(2022, '2022-06-01').map((holiday) => [holiday.kind, holiday.name.fr])).toEqual([['election', 'Élections locales']]);
		// The snap presidential election of 2025 was a temporary holiday, named as such by the gazette.
		expect(on(2025, '2025-06-03').map((holiday) => [holiday.kind, holiday.name.en])).toEqual([['temporary', 'Temporary public holiday (presidential election)']]);
	});

	it('gives substitute days as their own entries: Children’s Day 2024 on a Sunday, national days on a weekend', () => {
		expect(on(2024, '2024-05-05').map(line)).toEqual(['2024-05-05 public 어린이날']);
		expect(on(2024, '2024-05-06').map(line)).toEqual(['2024-05-06 substitute 대체공휴일(어린이날)']);
		expect(on(2021, '2021-10-11')[0].name.en).toBe('Substitute holiday (Hangul Day)');
		expect(on(2025, '2025-03-03')[0].name.fr).toBe('Jour férié de remplacement (Fête du mouvement d’indépendance du 1er mars)');
	});

	it('gives one entry for two holidays on one day (5 May 2025) and the substitute the gazette gives', () => {
		expect(on(2025, '2025-05-05')).toEqual([
			{ date: '2025-05-05', country: 'KR', kind: 'public', provisional: false, name: { ko: '어린이날, 부처님오신날', fr: 'Journée des enfants ; Anniversaire de Bouddha', en: "Children's Day; Buddha's Birthday" } }
		]);
		expect(on(2025, '2025-05-06').map(line)).toEqual(['2025-05-06 substitute 대체공휴일(부처님오신날)']);
	});

	it('knows every name of every bundled official list (a new name would otherwise show in Korean only)', () => {
		const names = Object.entries(officialLists)
			.filter(([name]) => /^y\d{4}$/.test(name))
			.flatMap(([, list]) => Object.values(list as Record<string, readonly string[]>).flat());
		expect(names.length).toBeGreaterThan(150);
		expect(names.filter((name) => !readOfficialName(name).known)).toEqual([]);
	});

	it('gives a name it does not know in Korean in all three languages rather than dropping the day', () => {
		expect(readOfficialName('국군의 날')).toEqual({ name: { fr: '국군의 날', ko: '국군의 날', en: '국군의 날' }, kind: 'public', known: false });
		expect(readOfficialName('대체공휴일(국군의 날)')).toMatchObject({ kind: 'substitute', known: false });
	});
});

describe('Korea, computed from the regulation and the lunar calendar', () => {
	it('gives back every holiday and substitute of each official year, 2018–2027 (the rules checked against the gazette)', () => {
		for (const year of OFFICIAL_YEARS) {
			const official = officialKoreanHolidays(year)!
				.filter((holiday) => holiday.kind === 'public' || holiday.kind === 'substitute')
				.map(line)
				.sort();
			expect(computedKoreanHolidays(year).map(line).sort(), String(year)).toEqual(official);
		}
	});

	it('computes 2028 (provisional lunar days): Seollal 26–28 January, Buddha’s Birthday 2 May, Chuseok 2–4 October on National Foundation Day → substitute 5 October', () => {
		const year = korea(2028);
		expect(year.filter((holiday) => holiday.provisional).map(line)).toEqual([
			'2028-01-26 public 설날 전날',
			'2028-01-27 public 설날',
			'2028-01-28 public 설날 다음 날',
			'2028-05-02 public 부처님오신날',
			'2028-10-02 public 추석 전날',
			'2028-10-03 public 추석, 개천절',
			'2028-10-04 public 추석 다음 날',
			'2028-10-05 substitute 대체공휴일(개천절)'
		]);
		expect(year.filter((holiday) => !holiday.provisional).map(line)).toEqual([
			'2028-01-01 public 1월 1일',
			'2028-03-01 public 3ㆍ1절',
			'2028-05-01 public 노동절',
			'2028-05-05 public 어린이날',
			'2028-06-06 public 현충일',
			'2028-07-17 public 제헌절',
			'2028-08-15 public 광복절',
			'2028-10-09 public 한글날',
			'2028-12-25 public 기독탄신일'
		]);
	});

	it('computes substitutes of a provisional year: Chuseok on a Sunday, Buddha’s Birthday on a Sunday (2029)', () => {
		const substitutes = korea(2029).filter((holiday) => holiday.kind === 'substitute');
		expect(substitutes.map(line)).toEqual(['2029-05-07 substitute 대체공휴일(어린이날)', '2029-05-21 substitute 대체공휴일(부처님오신날)', '2029-09-24 substitute 대체공휴일(추석)']);
		expect(substitutes.every((holiday) => holiday.provisional)).toBe(true);
		// Chuseok 2029 is Saturday 22 September: its Saturday gives nothing, its Sunday (23) gives Monday 24.
		expect(korea(2029).filter((holiday) => holiday.date >= '2029-09-21' && holiday.date <= '2029-09-23').map((holiday) => holiday.name.ko)).toEqual(['추석 전날', '추석', '추석 다음 날']);
	});

	it('has no election or temporary holiday in a computed year (only the gazette announces them)', () => {
		for (let year = 2028; year <= 2050; year++) {
			expect(korea(year).filter((holiday) => holiday.kind !== 'public' && holiday.kind !== 'substitute')).toEqual([]);
		}
	});

	it('refuses the years it cannot know: before the official list and after the lunar tables', () => {
		expect(() => korea(2017)).toThrow(RangeError);
		expect(() => korea(2051)).toThrow(/only 2018 to 2050/);
		expect(korea(2050).filter((holiday) => holiday.name.ko === '설날')).toHaveLength(1);
	});
});
