import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';

export function languageName(locale: Locale): string {
	return { fr: m.language_name_fr, ko: m.language_name_ko, en: m.language_name_en }[locale]();
}

/** The language's own name, for the switcher ("한국어" whatever the page's language). */
export function languageEndonym(locale: Locale): string {
	return { fr: m.language_fr, ko: m.language_ko, en: m.language_en }[locale]();
}

export function roleName(role: string): string {
	switch (role) {
		case 'administrator':
			return m.role_administrator();
		case 'coordinator':
			return m.role_coordinator();
		case 'partner':
			return m.role_partner();
		default:
			return m.role_member();
	}
}

export function organisationKindName(kind: string): string {
	const names: Record<string, () => string> = {
		commune: m.kind_commune,
		epci: m.kind_epci,
		departement: m.kind_departement,
		region: m.kind_region,
		association: m.kind_association,
		agency: m.kind_agency,
		'collectivite-statut-particulier': m.kind_collectivite_statut_particulier,
		'special-city': m.kind_special_city,
		'metropolitan-city': m.kind_metropolitan_city,
		'special-self-governing-city': m.kind_special_self_governing_city,
		province: m.kind_province,
		'special-self-governing-province': m.kind_special_self_governing_province,
		si: m.kind_si,
		gun: m.kind_gun,
		'autonomous-gu': m.kind_autonomous_gu,
		ministry: m.kind_ministry,
		embassy: m.kind_embassy
	};
	return (names[kind] ?? m.kind_other)();
}

export function countryName(code: string): string {
	const names: Record<string, () => string> = { FR: m.country_FR, KR: m.country_KR, JP: m.country_JP };
	return names[code]?.() ?? new Intl.DisplayNames(getLocale(), { type: 'region', fallback: 'code' }).of(code) ?? code;
}

export function officialCodeSchemeName(scheme: string): string {
	const names: Record<string, () => string> = {
		insee: m.scheme_insee,
		siren: m.scheme_siren,
		'insee-departement': m.scheme_insee_departement,
		'insee-region': m.scheme_insee_region,
		'iso-3166-2': m.scheme_iso_3166_2,
		'kr-local': m.scheme_kr_local
	};
	return (names[scheme] ?? m.scheme_none)();
}

/** The label of an organisation field, as the form shows it (for the history and notices). */
export function organisationFieldLabel(field: string): string {
	const labels: Record<string, () => string> = {
		kind: m.org_field_kind,
		countryCode: m.group_country,
		nameFr: m.org_field_name_fr,
		nameKo: m.org_field_name_ko,
		nameEn: m.org_field_name_en,
		website: m.org_field_website,
		officialCodeScheme: m.org_field_code_scheme,
		officialCode: m.org_field_code,
		departementCode: m.org_field_departement,
		regionCode: m.org_field_region_code,
		regionName: m.org_field_region_name,
		population: m.org_field_population,
		address: m.org_field_address,
		group: m.group_switcher_label,
		capacity: m.org_field_capacity,
		'membership.capacity': m.org_field_capacity,
		'membership.since': m.membership_since,
		'membership.status': m.membership_status,
		personRemoved: m.org_field_person_removed,
		source: m.history_source,
		line: m.history_line
	};
	// The CSV import records its columns' names (name_fr, official_code…): the same labels.
	const camel = field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
	const aliases: Record<string, string> = { country: 'countryCode', kind: 'kind' };
	return (labels[field] ?? labels[camel] ?? labels[aliases[camel] ?? ''])?.() ?? field;
}

/** A value of an organisation's history in the reader's language (kinds, places, statuses…). */
export function organisationFieldValue(field: string, value: unknown): string {
	if (value === null || value === undefined || value === '') return m.org_record_empty();
	const text = String(value);
	if (field === 'kind') return organisationKindName(text);
	if (field === 'countryCode' || field === 'country_code') return countryName(text);
	if (field === 'capacity' || field === 'membership.capacity') return roleName(text);
	if (field === 'membership.status') return text === 'former' ? m.membership_status_former() : m.membership_status_active();
	if (field === 'officialCodeScheme' || field === 'official_code_scheme') return officialCodeSchemeName(text);
	if (field === 'source' && text === 'csv-import') return m.history_source_csv_import();
	return text;
}
