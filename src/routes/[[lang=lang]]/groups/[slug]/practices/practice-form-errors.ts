/** A service's refusal of what was typed, as the field error the form shows (form-errors.ts codes). */
import type { FieldErrors } from '$lib/server/http/form';

export function inputProblemError(reason: string): FieldErrors | null {
	switch (reason) {
		case 'UNKNOWN_COUNTRY':
			return { countryCode: 'invalid_country' };
		case 'UNKNOWN_ORGANISATION':
			return { organisations: 'invalid_choice' };
		case 'UNKNOWN_THEME':
			return { themes: 'invalid_choice' };
		default:
			return null;
	}
}
