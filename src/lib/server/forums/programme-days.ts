/**
 * The programme's calendar arithmetic, pure: which host-zone day an item falls on, and moving a
 * previous edition's items so that its first day lands on this edition's first day. Items keep
 * their wall-clock time in the host's zone ("09:00 in Seoul" stays 09:00), so a programme copied
 * across a daylight-saving change or from a forum in another country reads as it was written.
 */
import { utcToZonedFields, zonedToUtc } from '../../format/time-zones';

const DAY_MS = 86_400_000;

/** Whole days from one local date to another ("2023-06-02" → "2024-09-24": 480). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A local date moved by whole days ("2024-02-28", 2 → "2024-03-01"). */
export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDayOf(iso: string, timeZone: string): string {
	return utcToZonedFields(iso, timeZone).date;
}

/** Items grouped by their start's local day in the host's zone, days in order, items by start. */
export function groupByLocalDay<T extends { startsAt: string }>(items: readonly T[], timeZone: string): { date: string; items: T[] }[] {
	const days = new Map<string, T[]>();
	for (const item of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
		const date = localDayOf(item.startsAt, timeZone);
		const list = days.get(date) ?? [];
		list.push(item);
		days.set(date, list);
	}
	return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, dayItems]) => ({ date, items: dayItems }));
}

/**
 * A previous edition's items, moved so that its first day (sourceFirstDay, in sourceZone) lands on
 * targetFirstDay (in targetZone), each keeping its local start and end times.
 */
export function shiftItems<T extends { startsAt: string; endsAt: string }>(
	items: readonly T[],
	source: { zone: string; firstDay: string },
	target: { zone: string; firstDay: string }
): (T & { startsAt: string; endsAt: string })[] {
	const shift = daysBetween(source.firstDay, target.firstDay);
	const move = (iso: string) => {
		const local = utcToZonedFields(iso, source.zone);
		return zonedToUtc(addDays(local.date, shift), local.time, target.zone).toISOString();
	};
	return items.map((item) => ({ ...item, startsAt: move(item.startsAt), endsAt: move(item.endsAt) }));
}
