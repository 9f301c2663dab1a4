/**
 * The public holidays of France and Korea, for the date poll (which days around an option are
 * holidays in either country) and for `dari holidays`. Pure: data in, data out, no clock, no
 * database. Where each country's list comes from: french-holidays.ts and korean-holidays.ts.
 */
import { addDays, assertCalendarDay, daysFrom, isWeekend, weekdayOf } from './calendar-days';
import { FIRST_FRENCH_YEAR, frenchHolidaysOfYear, LAST_FRENCH_YEAR } from './french-holidays';
import { FIRST_KOREAN_YEAR, koreanHolidaysOfYear, LAST_KOREAN_YEAR } from './korean-holidays';

export type HolidayCountry = 'FR' | 'KR';
export const HOLIDAY_COUNTRIES: readonly HolidayCountry[] = ['FR', 'KR'];

/**
 * public: a holiday of the law's list; substitute: a Korean 대체공휴일, the day off given back for
 * a holiday on a weekend or on another holiday; temporary: a Korean 임시공휴일 decided by the
 * government; election: a Korean election day; regional: Alsace-Moselle's own two days.
 */
export type HolidayKind = 'public' | 'substitute' | 'temporary' | 'election' | 'regional';

export interface Holiday {
	/** The day in the country's own calendar, YYYY-MM-DD. */
	date: string;
	country: HolidayCountry;
	name: { fr: string; ko: string; en: string };
	kind: HolidayKind;
	/** true for lunar holidays computed for a year the official list does not cover yet */
	provisional: boolean;
}

export interface HolidayOptions {
	/** Adds Good Friday and 26 December for France, of kind 'regional'. */
	alsaceMoselle?: boolean;
}

export interface CalendarNote {
	date: string;
	/** 0 = Sunday … 6 = Saturday. */
	weekday: number;
	weekend: boolean;
	/** Within the option's own days (not in the margin around them). */
	inside: boolean;
	/** The holidays of both countries on that day, France's first. */
	holidays: Holiday[];
	/**
	 * The countries whose holidays are not known for that day (a year outside HOLIDAY_YEARS, such
	 * as Korea before 2018 or after 2050): "no holiday" would be a guess there, so say it.
	 */
	unknownCountries: HolidayCountry[];
}

/** The years each country's list can be given for (see the two countries' files for why). */
export const HOLIDAY_YEARS: Readonly<Record<HolidayCountry, { first: number; last: number }>> = {
	FR: { first: FIRST_FRENCH_YEAR, last: LAST_FRENCH_YEAR },
	KR: { first: FIRST_KOREAN_YEAR, last: LAST_KOREAN_YEAR }
};

/** Whether `holidaysOfYear(country, year)` has an answer (it throws a RangeError otherwise). */
export function isHolidayYearSupported(country: HolidayCountry, year: number): boolean {
	return Number.isInteger(year) && year >= HOLIDAY_YEARS[country].first && year <= HOLIDAY_YEARS[country].last;
}

/**
 * One entry per day and kind: two holidays of the same kind on the same day (Children's Day and
 * Buddha's Birthday on 5 May 2025, Ascension and 1 May in 2008) become one entry named after both.
 */
function oneEntryPerDayAndKind(holidays: Holiday[]): Holiday[] {
	const merged: Holiday[] = [];
	for (const holiday of [...holidays].sort((first, second) => first.date.localeCompare(second.date))) {
		const same = merged.find((entry) => entry.date === holiday.date && entry.kind === holiday.kind);
		if (!same) {
			merged.push({ ...holiday, name: { ...holiday.name } });
			continue;
		}
		same.name = { fr: `${same.name.fr} ; ${holiday.name.fr}`, ko: `${same.name.ko}, ${holiday.name.ko}`, en: `${same.name.en}; ${holiday.name.en}` };
		same.provisional = same.provisional || holiday.provisional;
	}
	return merged;
}

/**
 * The holidays of `country` in `year`, sorted by day, one entry per day and kind (a three-day
 * Chuseok is three entries; a substitute day is its own entry). Throws a RangeError for a year
 * outside HOLIDAY_YEARS.
 */
export function holidaysOfYear(country: HolidayCountry, year: number, options: HolidayOptions = {}): Holiday[] {
	if (!isHolidayYearSupported(country, year)) {
		const { first, last } = HOLIDAY_YEARS[country];
		throw new RangeError(`No holiday list for ${country} in ${year}: only ${first} to ${last}`);
	}
	return oneEntryPerDayAndKind(country === 'FR' ? frenchHolidaysOfYear(year, options) : koreanHolidaysOfYear(year));
}

/** The holidays of `country` from `from` to `to` (YYYY-MM-DD, both included), sorted by day. */
export function holidaysBetween(country: HolidayCountry, from: string, to: string, options: HolidayOptions = {}): Holiday[] {
	assertCalendarDay(from, 'from');
	assertCalendarDay(to, 'to');
	const holidays: Holiday[] = [];
	for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
		holidays.push(...holidaysOfYear(country, year, options).filter((holiday) => holiday.date >= from && holiday.date <= to));
	}
	return holidays;
}

/**
 * What a date-poll option must show: the days of [from, to] widened by `marginDays` (default 3) on each
 * side, with both countries' holidays and the weekends, each marked inside or around the option.
 * Never throws for a year without a list (the option may be far off): those days name the
 * country in `unknownCountries`. Throws a RangeError for a day that is not YYYY-MM-DD, a range
 * that ends before it starts or a margin that is not a whole number of days.
 */
export function calendarNotesForRange(from: string, to: string, options: HolidayOptions & { marginDays?: number } = {}): CalendarNote[] {
	assertCalendarDay(from, 'from');
	assertCalendarDay(to, 'to');
	if (to < from) throw new RangeError(`The range ends (${to}) before it starts (${from})`);
	const margin = options.marginDays ?? 3;
	if (!Number.isInteger(margin) || margin < 0) throw new RangeError(`marginDays must be a whole number of days, not ${margin}`);
	const first = addDays(from, -margin);
	const last = addDays(to, margin);
	const known = (country: HolidayCountry, date: string) => isHolidayYearSupported(country, Number(date.slice(0, 4)));
	const holidays = HOLIDAY_COUNTRIES.flatMap((country) => {
		// The years with a list are consecutive: the part of the range they cover is one span.
		const coveredFrom = [first, `${HOLIDAY_YEARS[country].first}-01-01`].sort()[1];
		const coveredTo = [last, `${HOLIDAY_YEARS[country].last}-12-31`].sort()[0];
		return coveredFrom <= coveredTo ? holidaysBetween(country, coveredFrom, coveredTo, options) : [];
	});
	return daysFrom(first, last).map((date) => ({
		date,
		weekday: weekdayOf(date),
		weekend: isWeekend(date),
		inside: date >= from && date <= to,
		holidays: holidays.filter((holiday) => holiday.date === date),
		unknownCountries: HOLIDAY_COUNTRIES.filter((country) => !known(country, date))
	}));
}
