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
		name: m.table_name,
		currentTitle: m.title_column_title,
		organisation: m.group_organisation,
		source: m.history_source,
		line: m.history_line
	};
	// The CSV import records its columns' names (given_name, current_title…): the same labels.
	const camel = field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
	return (labels[field] ?? labels[camel])?.() ?? field;
}

/** A value of a person's field as a reader understands it ("listed publicly", "한국어"…). */
export function personFieldValue(field: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return m.org_record_empty();
	if (field === 'publicListingConsent' || field === 'public_listing_consent') return value && value !== 'false' && value !== '0' ? m.person_consent_yes() : m.person_consent_no();
	if (field === 'source' && value === 'csv-import') return m.history_source_csv_import();
	if ((field === 'preferredLanguage' || field === 'preferred_language') && typeof value === 'string' && isLocale(value)) return languageName(value);
	if (field === 'nameOrder' || field === 'name_order') return value === 'family-first' ? m.person_name_order_family_first() : m.person_name_order_given_first();
	return String(value);
}
