/**
 * The public holidays of the Republic of Korea.
 *
 * Where they come from. For the years of the official list — the 월력요항 that the Korea
 * AeroSpace Administration (우주항공청; 한국천문연구원 before it) publishes in the gazette each June
 * for the next year, as bundled by @hyunbinseo/holidays-kr — that list is taken as it is: it is the
 * only source of temporary holidays (임시공휴일, decided by the cabinet a few weeks ahead, so one
 * decided after the installed version of the package is missing until it is updated) and of
 * election days. @hyunbinseo/holidays-kr 5.2027.1 holds 2018 to 2027 (its exports y2018…y2027;
 * OFFICIAL_YEARS below is read from them, so a newer version of the package moves the boundary
 * by itself). After the last official year, the holidays are computed from the regulation in
 * force and the Korean lunar calendar (korean-lunar-calendar, KASI's tables, up to 2050), and
 * the lunar ones and every substitute day are marked provisional. Before 2018 we answer nothing:
 * the rules changed too often (substitute days only since 2014, Hangul Day a holiday again since
 * 2013) and no forum needs those years. date-holidays is not used for Korea: its 3.37 puts
 * Seollal one day late and has no substitute days.
 */
import * as officialLists from '@hyunbinseo/holidays-kr/all';
import KoreanLunarCalendar from 'korean-lunar-calendar';
import { addDays, calendarDay, weekdayOf } from './calendar-days';
import type { Holiday } from './holidays';
import { KOREAN_HOLIDAY_NAMES, readOfficialName, substituteName, type KoreanHolidayKey } from './korean-holiday-names';

/** The official list of each year the package holds, by year. */
const OFFICIAL_LISTS = new Map<number, Readonly<Record<string, readonly string[]>>>(
	Object.entries(officialLists as Record<string, Readonly<Record<string, readonly string[]>>>)
		.filter(([name]) => /^y\d{4}$/.test(name))
		.map(([name, list]) => [Number(name.slice(1)), list])
);

/** The years of the gazette's list that the installed package holds (2018–2027 in 5.2027.1). */
export const OFFICIAL_YEARS: readonly number[] = [...OFFICIAL_LISTS.keys()].sort((first, second) => first - second);

export const FIRST_KOREAN_YEAR = OFFICIAL_YEARS[0];
/**
 * korean-lunar-calendar converts lunar dates up to 2050-11-18 (lunar): Seollal 2051 is beyond
 * it, so 2050 is the last year whose three lunar holidays can all be computed.
 */
export const LAST_KOREAN_YEAR = 2050;

/** Which substitute rule a holiday follows (대체공휴일, 「관공서의 공휴일에 관한 규정」 제3조). */
type SubstituteRule =
	/** Seollal and Chuseok: a day that falls on a Sunday or on another holiday (not a Saturday). */
	| 'sundayOrHoliday'
	/** A day that falls on a Saturday, a Sunday or another holiday. */
	| 'weekendOrHoliday'
	/** New Year's Day, Memorial Day: no substitute. */
	| 'none';

/**
 * The substitute rules by year, from the regulation's amendments:
 * - 2013-11-05 (in force 2014): Seollal and Chuseok on a Sunday or another holiday, Children's
 *   Day on a Saturday, a Sunday or another holiday → the first following non-holiday weekday.
 * - 2021 (「공휴일에 관한 법률」 of 2021-07-07 and the regulation amended after it, applied from
 *   Liberation Day 2021): also the national days that are holidays — 3·1절, 광복절, 개천절,
 *   한글날 — on a Saturday, a Sunday or another holiday.
 * - 2023-05-04: also Buddha's Birthday and Christmas (Buddha's Birthday 2023, a Saturday, moved
 *   to Monday 29 May).
 * - 2026: Labour Day (노동절) and Constitution Day (제헌절) are holidays again and follow the
 *   same rule: the 2026 and 2027 gazette lists hold them and their substitutes (2027-05-03,
 *   2027-07-19).
 * The computed years apply the last of these; tests check that these rules give back every
 * holiday and substitute of the official 2018–2027 lists, which are not computed.
 */
function substituteRule(key: KoreanHolidayKey, year: number): SubstituteRule {
	switch (key) {
		case 'seollalEve':
		case 'seollal':
		case 'seollalAfter':
		case 'chuseokEve':
		case 'chuseok':
		case 'chuseokAfter':
			return 'sundayOrHoliday';
		case 'children':
			return 'weekendOrHoliday';
		case 'independenceMovement':
		case 'liberation':
		case 'nationalFoundation':
		case 'hangul':
			return year >= 2021 ? 'weekendOrHoliday' : 'none';
		case 'buddha':
		case 'christmas':
			return year >= 2023 ? 'weekendOrHoliday' : 'none';
		case 'labour':
		case 'constitution':
			return 'weekendOrHoliday';
		case 'newYear':
		case 'memorial':
			return 'none';
	}
}

/** The solar day of a lunar date (not in a leap month) of KASI's Korean calendar. */
function solarDayOfLunar(lunarYear: number, lunarMonth: number, lunarDay: number): string {
	const calendar = new KoreanLunarCalendar();
	if (!calendar.setLunarDate(lunarYear, lunarMonth, lunarDay, false)) {
		throw new RangeError(`The Korean lunar calendar does not cover ${lunarYear}-${lunarMonth}-${lunarDay} (lunar)`);
	}
	const { year, month, day } = calendar.getSolarCalendar();
	return calendarDay(year, month, day);
}

interface RegulationHoliday {
	date: string;
	key: KoreanHolidayKey;
	lunar: boolean;
}

/** The holidays of 「관공서의 공휴일에 관한 규정」 제2조 in `year`, before substitutes. */
function regulationHolidays(year: number): RegulationHoliday[] {
	const fixed = (key: KoreanHolidayKey, month: number, day: number): RegulationHoliday => ({ date: calendarDay(year, month, day), key, lunar: false });
	const seollal = solarDayOfLunar(year, 1, 1);
	const chuseok = solarDayOfLunar(year, 8, 15);
	const holidays: RegulationHoliday[] = [
		fixed('newYear', 1, 1),
		{ date: addDays(seollal, -1), key: 'seollalEve', lunar: true },
		{ date: seollal, key: 'seollal', lunar: true },
		{ date: addDays(seollal, 1), key: 'seollalAfter', lunar: true },
		fixed('independenceMovement', 3, 1),
		fixed('children', 5, 5),
		{ date: solarDayOfLunar(year, 4, 8), key: 'buddha', lunar: true },
		fixed('memorial', 6, 6),
		fixed('liberation', 8, 15),
		{ date: addDays(chuseok, -1), key: 'chuseokEve', lunar: true },
		{ date: chuseok, key: 'chuseok', lunar: true },
		{ date: addDays(chuseok, 1), key: 'chuseokAfter', lunar: true },
		fixed('nationalFoundation', 10, 3),
		fixed('hangul', 10, 9),
		fixed('christmas', 12, 25)
	];
	// Both became holidays again in 2026 (the gazette's 2026 list is the first to hold them).
	if (year >= 2026) holidays.push(fixed('labour', 5, 1), fixed('constitution', 7, 17));
	return holidays.sort((first, second) => first.date.localeCompare(second.date));
}

/**
 * The substitute days of a year's holidays. A holiday owes one when its day is a Sunday (all
 * rules), a Saturday ('weekendOrHoliday' only), or shared with another holiday (one of them keeps
 * the day: a holiday without substitute first, otherwise the first listed — 2025-05-05, Children's
 * Day and Buddha's Birthday, gave Buddha's Birthday the substitute). Each debt, in date order,
 * takes the first following day that is neither a Saturday, a Sunday, a holiday nor an earlier
 * substitute (the regulation's 비공휴일).
 */
export function substituteDays(holidays: readonly RegulationHoliday[], year: number): { date: string; key: KoreanHolidayKey }[] {
	const taken = new Set(holidays.map((holiday) => holiday.date));
	const owed: RegulationHoliday[] = [];
	const byDay = new Map<string, RegulationHoliday[]>();
	for (const holiday of holidays) byDay.set(holiday.date, [...(byDay.get(holiday.date) ?? []), holiday]);
	for (const [date, sameDay] of [...byDay].sort(([first], [second]) => first.localeCompare(second))) {
		const weekday = weekdayOf(date);
		const free: RegulationHoliday[] = [];
		for (const holiday of sameDay) {
			const rule = substituteRule(holiday.key, year);
			const weekendDebt = (weekday === 0 && rule !== 'none') || (weekday === 6 && rule === 'weekendOrHoliday');
			if (weekendDebt) owed.push(holiday);
			else free.push(holiday);
		}
		// Of the holidays left on the day, one keeps it; the others owe a substitute if their rule gives one.
		const keeper = free.find((holiday) => substituteRule(holiday.key, year) === 'none') ?? free[0];
		for (const holiday of free) if (holiday !== keeper && substituteRule(holiday.key, year) !== 'none') owed.push(holiday);
	}
	const substitutes: { date: string; key: KoreanHolidayKey }[] = [];
	for (const holiday of owed.sort((first, second) => first.date.localeCompare(second.date))) {
		let day = addDays(holiday.date, 1);
		while (weekdayOf(day) === 0 || weekdayOf(day) === 6 || taken.has(day)) day = addDays(day, 1);
		taken.add(day);
		substitutes.push({ date: day, key: holiday.key });
	}
	return substitutes;
}

/**
 * Korea's holidays of `year` by the regulation and the lunar calendar, without temporary and
 * election holidays (which only the official list knows). `provisional` marks what a later
 * gazette could still change: the lunar days and the substitutes.
 */
export function computedKoreanHolidays(year: number): Holiday[] {
	const holidays = regulationHolidays(year);
	// Seollal falls between 21 January and 20 February: its three days stay within the year.
	return [
		...holidays.map((holiday): Holiday => ({ date: holiday.date, country: 'KR', name: KOREAN_HOLIDAY_NAMES[holiday.key], kind: 'public', provisional: holiday.lunar })),
		...substituteDays(holidays, year).map((substitute): Holiday => ({ date: substitute.date, country: 'KR', name: substituteName(substitute.key), kind: 'substitute', provisional: true }))
	];
}

/** Korea's holidays of `year` as the official list gives them, one entry per name. */
export function officialKoreanHolidays(year: number): Holiday[] | null {
	const list = OFFICIAL_LISTS.get(year);
	if (!list) return null;
	return Object.entries(list).flatMap(([date, names]) =>
		names.map((koreanName): Holiday => {
			const { name, kind } = readOfficialName(koreanName);
			return { date, country: 'KR', name, kind, provisional: false };
		})
	);
}

/** Korea's holidays of `year`: the official list when there is one, computed otherwise. */
export function koreanHolidaysOfYear(year: number): Holiday[] {
	return officialKoreanHolidays(year) ?? computedKoreanHolidays(year);
}
