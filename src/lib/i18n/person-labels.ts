import { m } from '$lib/paraglide/messages.js';
import { isLocale } from '$lib/paraglide/runtime.js';
import { languageName } from './labels';

/** The label of a person's field, as the forms show it (for the history and notices). */
export function personFieldLabel(field: string): string {
	const labels: Record<string, () => string> = {
		givenName: m.person_given_name,
		familyName: m.person_family_name,
		nameOrder: m.person_name_order,
		email: m.person_email,
		phone: m.person_phone,
		preferredLanguage: m.person_language,
		publicListingConsent: m.person_consent,
		title: m.title_column_title,
		name: m.table_name
	};
	return labels[field]?.() ?? field;
}

/** A value of a person's field as a reader understands it ("listed publicly", "한국어"…). */
export function personFieldValue(field: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return m.org_record_empty();
	if (field === 'publicListingConsent') return value ? m.person_consent_yes() : m.person_consent_no();
	if (field === 'preferredLanguage' && typeof value === 'string' && isLocale(value)) return languageName(value);
	if (field === 'nameOrder') return value === 'family-first' ? m.person_name_order_family_first() : m.person_name_order_given_first();
	return String(value);
}
