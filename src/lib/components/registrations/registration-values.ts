/**
 * The registration form's values (flat names, see registration.schema.ts) from a saved
 * registration, and the time left before a deadline. Pure: used by the pages on server and client.
 */
export interface SavedRegistration {
	version: number;
	interest: string;
	headPersonId: string | null;
	needsInterpretation: boolean;
	needsDiet: string;
	needsAccess: string;
	expectations: string;
	delegates: { personId: string; preferences: string[] }[];
}

export function valuesOfRegistration(registration: SavedRegistration | null): Record<string, string> {
	if (!registration) return { version: '0' };
	const values: Record<string, string> = {
		version: String(registration.version),
		interest: registration.interest,
		head: registration.headPersonId ?? '',
		needsInterpretation: registration.needsInterpretation ? 'on' : '',
		needsDiet: registration.needsDiet,
		needsAccess: registration.needsAccess,
		expectations: registration.expectations
	};
	for (const delegate of registration.delegates) {
		values[`delegate-${delegate.personId}`] = 'on';
		delegate.preferences.forEach((value, index) => (values[`pref-${delegate.personId}-${index + 1}`] = value));
	}
	return values;
}

/** Whole days and hours from `now` to the deadline; null once it has passed. */
export function timeLeft(deadlineAt: string, now: string): { days: number; hours: number } | null {
	const milliseconds = new Date(deadlineAt).getTime() - new Date(now).getTime();
	if (milliseconds <= 0) return null;
	const hours = Math.floor(milliseconds / 3_600_000);
	return { days: Math.floor(hours / 24), hours: hours % 24 };
}
