/**
 * The public holidays of France (jours fériés), computed: the list is fixed by law, only Easter
 * moves. Checked against date-holidays' list in french-holidays.test.ts.
 */
import { addDays, calendarDay } from './calendar-days';
import type { Holiday, HolidayOptions } from './holidays';

/** 8 May has been a public holiday again since the law of 23 December 1981; earlier lists differ. */
export const FIRST_FRENCH_YEAR = 1982;
/** Far enough for any forum; the Easter computation holds for every Gregorian year. */
export const LAST_FRENCH_YEAR = 2200;

type Name = Holiday['name'];

/**
 * The eleven jours fériés of the Code du travail, art. L3133-1 (Easter Sunday and Whit Sunday are
 * not in it: they are Sundays anyway). Whit Monday stays a public holiday even where it is the
 * « journée de solidarité » worked by many employers.
 */
const NATIONAL: { name: Name; day: (year: number, easter: string) => string }[] = [
	{ name: { fr: "Jour de l'an", ko: '새해 첫날', en: "New Year's Day" }, day: (year) => calendarDay(year, 1, 1) },
	{ name: { fr: 'Lundi de Pâques', ko: '부활절 월요일', en: 'Easter Monday' }, day: (_, easter) => addDays(easter, 1) },
	{ name: { fr: 'Fête du Travail', ko: '노동절', en: 'Labour Day' }, day: (year) => calendarDay(year, 5, 1) },
	{ name: { fr: 'Victoire 1945', ko: '제2차 세계대전 전승기념일', en: 'Victory in Europe Day' }, day: (year) => calendarDay(year, 5, 8) },
	{ name: { fr: 'Ascension', ko: '예수 승천일', en: 'Ascension Day' }, day: (_, easter) => addDays(easter, 39) },
	{ name: { fr: 'Lundi de Pentecôte', ko: '성령 강림 대축일 다음 월요일', en: 'Whit Monday' }, day: (_, easter) => addDays(easter, 50) },
	{ name: { fr: 'Fête nationale', ko: '프랑스 혁명기념일', en: 'Bastille Day' }, day: (year) => calendarDay(year, 7, 14) },
	{ name: { fr: 'Assomption', ko: '성모 승천 대축일', en: 'Assumption Day' }, day: (year) => calendarDay(year, 8, 15) },
	{ name: { fr: 'Toussaint', ko: '모든 성인의 날', en: "All Saints' Day" }, day: (year) => calendarDay(year, 11, 1) },
	{ name: { fr: 'Armistice 1918', ko: '제1차 세계대전 휴전기념일', en: 'Armistice Day' }, day: (year) => calendarDay(year, 11, 11) },
	{ name: { fr: 'Noël', ko: '성탄절', en: 'Christmas Day' }, day: (year) => calendarDay(year, 12, 25) }
];

/** The two more days of the local law of Alsace-Moselle (Code du travail, art. L3134-13). */
const ALSACE_MOSELLE: { name: Name; day: (year: number, easter: string) => string }[] = [
	{ name: { fr: 'Vendredi saint (Alsace-Moselle)', ko: '성금요일 (알자스-모젤)', en: 'Good Friday (Alsace-Moselle)' }, day: (_, easter) => addDays(easter, -2) },
	{ name: { fr: 'Saint-Étienne (Alsace-Moselle)', ko: '성 스테파노 축일 (알자스-모젤)', en: "St Stephen's Day (Alsace-Moselle)" }, day: (year) => calendarDay(year, 12, 26) }
];

/** Easter Sunday of a Gregorian year (the "anonymous" algorithm of Meeus, Astronomical Algorithms ch. 8). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return calendarDay(year, month, day);
}

/** France's holidays of `year`, sorted by day; with `alsaceMoselle`, also the two regional ones. */
export function frenchHolidaysOfYear(year: number, options: HolidayOptions = {}): Holiday[] {
	const easter = easterSunday(year);
	const national = NATIONAL.map(({ name, day }): Holiday => ({ date: day(year, easter), country: 'FR', name, kind: 'public', provisional: false }));
	const regional = options.alsaceMoselle
		? ALSACE_MOSELLE.map(({ name, day }): Holiday => ({ date: day(year, easter), country: 'FR', name, kind: 'regional', provisional: false }))
		: [];
	return [...national, ...regional].sort((first, second) => first.date.localeCompare(second.date));
}
