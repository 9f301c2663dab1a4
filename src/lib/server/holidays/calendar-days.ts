/**
 * Calendar days written YYYY-MM-DD, with no time zone: a holiday is a day of its country's
 * calendar, not an instant. The arithmetic runs on UTC midnights so that no zone's daylight
 * saving time can shift a day.
 */
import { isCalendarDay } from '../directory/form-fields.schema';

const DAY_MS = 86_400_000;

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay`. */
export function weekdayOf(day: string): number {
	return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWeekend(day: string): boolean {
	const weekday = weekdayOf(day);
	return weekday === 0 || weekday === 6;
}

/** YYYY-MM-DD of a year, month (1–12) and day. */
export function calendarDay(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every day from `from` to `to`, both included (none when `to` is before `from`). */
export function daysFrom(from: string, to: string): string[] {
	const days: string[] = [];
	for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
	return days;
}

/** Refuses anything that is not a real day (2024-02-30, 24/09/2024…): a programming error here. */
export function assertCalendarDay(value: string, what: string): void {
	if (!isCalendarDay(value)) throw new RangeError(`${what} is not a day written YYYY-MM-DD: ${JSON.stringify(value)}`);
}
