/**
 * IANA time zones without a date library: offsets and wall-clock times come from Intl (the ICU
 * data Node ships), so a meeting typed "9:00, Europe/Paris" is stored as the right UTC instant
 * on either side of a daylight-saving change.
 */

export const PARIS_ZONE = 'Europe/Paris';
export const SEOUL_ZONE = 'Asia/Seoul';

/** The zones offered first when scheduling: the group's two sides, then UTC. */
export const COMMON_ZONES = [PARIS_ZONE, SEOUL_ZONE, 'UTC'] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** True for a zone Intl knows ("Europe/Paris", "UTC"); false for "Mars/Olympus" or "". */
export function isTimeZone(value: string): boolean {
	if (!value || value.length > 64) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** The wall-clock reading in a zone at an instant. */
export function wallClockAt(instant: Date | number, timeZone: string): WallClock {
	const parts = Object.fromEntries(
		partsFormatter(timeZone)
			.formatToParts(new Date(instant))
			.filter((part) => part.type !== 'literal')
			.map((part) => [part.type, Number(part.value)])
	) as Record<string, number>;
	return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** Minutes east of UTC in a zone at an instant (+60 for Paris in winter, +540 for Seoul). */
export function offsetMinutesAt(instant: Date | number, timeZone: string): number {
	const ms = new Date(instant).getTime();
	const clock = wallClockAt(ms, timeZone);
	const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
	return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a local date and time in a zone ("2024-03-31", "09:00", "Europe/Paris").
 * A time skipped by a daylight-saving change (02:30 on the last Sunday of March in Paris) is read
 * with the offset before the change, as calendar programs do.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
	const [year, month, day] = date.split('-').map(Number);
	const [hour, minute] = time.split(':').map(Number);
	const asUtc = Date.UTC(year, month - 1, day, hour, minute);
	let guess = asUtc - offsetMinutesAt(asUtc, timeZone) * 60_000;
	// Twice: the offset at the first guess may differ from the one at the answer near a change.
	guess = asUtc - offsetMinutesAt(guess, timeZone) * 60_000;
	return new Date(guess);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** "2024-02-27" and "09:00" as read on a clock in the zone. */
export function utcToZonedFields(iso: string, timeZone: string): { date: string; time: string } {
	const clock = wallClockAt(new Date(iso), timeZone);
	return { date: `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`, time: `${pad(clock.hour)}:${pad(clock.minute)}` };
}

/** The zones to offer: Paris, Seoul, UTC, the viewer's own if another, then every zone Intl knows. */
export function zoneChoices(viewerZone?: string | null): string[] {
	const first: string[] = [...COMMON_ZONES];
	if (viewerZone && isTimeZone(viewerZone) && !first.includes(viewerZone)) first.push(viewerZone);
	const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
	return [...first, ...all.filter((zone) => !first.includes(zone))];
}
