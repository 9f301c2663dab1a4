/** Time comes in as a function so that rules can be tested at a fixed `now` (rule 8). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function isoAfter(now: Date, milliseconds: number): string {
	return new Date(now.getTime() + milliseconds).toISOString();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
