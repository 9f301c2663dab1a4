import { z } from 'zod';

/** An optional text field: trimmed, at most `max` characters, and null when left empty. */
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'too_long')
		.default('')
		.transform((value) => (value === '' ? null : value));

/** A real day written YYYY-MM-DD (2024-02-30 is not one, though Date.parse accepts it). */
export function isCalendarDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const day = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** An optional day (YYYY-MM-DD, a real one), null when left empty. */
export const optionalDate = z
	.string()
	.trim()
	.default('')
	.refine((value) => value === '' || isCalendarDay(value), 'invalid_date')
	.transform((value) => (value === '' ? null : value));
