/** How partnerships' kinds, statuses, dates and history fields read, in the page's language. */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';

export const PARTNERSHIP_KIND_KEYS = ['twinning', 'cooperation-agreement', 'friendship-protocol', 'letter-of-intent'] as const;
export const PARTNERSHIP_STATUS_KEYS = ['idea', 'negotiation', 'signed', 'active', 'dormant', 'ended'] as const;

export function partnershipKindName(kind: string): string {
	const names: Record<string, () => string> = {
		twinning: m.partnership_kind_twinning,
		'cooperation-agreement': m.partnership_kind_cooperation_agreement,
		'friendship-protocol': m.partnership_kind_friendship_protocol,
		'letter-of-intent': m.partnership_kind_letter_of_intent
	};
	return names[kind]?.() ?? kind;
}

export function partnershipStatusName(status: string): string {
	const names: Record<string, () => string> = {
		idea: m.partnership_status_idea,
		negotiation: m.partnership_status_negotiation,
		signed: m.partnership_status_signed,
		active: m.partnership_status_active,
		dormant: m.partnership_status_dormant,
		ended: m.partnership_status_ended
	};
	return names[status]?.() ?? status;
}

/**
 * A date as precise as it is known: "2023", "avril 2009", "30 sept. 2024". A calendar date with no
 * time, so no time zone applies; it is formatted in UTC so that it never shifts by a day.
 */
export function formatPartialDate(value: string, locale: Locale): string {
	const [year, month, day] = value.split('-').map(Number);
	if (month === undefined) return String(year);
	const at = new Date(Date.UTC(year, month - 1, day ?? 1));
	const options: Intl.DateTimeFormatOptions = day === undefined ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
	return new Intl.DateTimeFormat(locale, options).format(at);
}

/** A file size in kilobytes or megabytes, in the reader's units ("12 ko", "12KB"). */
export function formatFileSize(bytes: number, locale: Locale): string {
	const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, Math.round(bytes / 1024)), 'kilobyte'];
	return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** The label of a field in a partnership's history. */
export function partnershipFieldLabel(field: string): string {
	const labels: Record<string, () => string> = {
		frenchOrganisation: m.partnership_field_french,
		foreignOrganisation: m.partnership_col_foreign,
		kind: m.partnership_field_kind,
		status: m.partnership_field_status,
		statusDate: m.partnership_field_status_date,
		themes: m.partnership_field_themes,
		descriptionFr: m.partnership_field_description_fr,
		descriptionKo: m.partnership_field_description_ko,
		sources: m.partnership_field_sources,
		verified: m.partnership_verified,
		documents: m.partnership_documents_heading
	};
	return labels[field]?.() ?? field;
}
