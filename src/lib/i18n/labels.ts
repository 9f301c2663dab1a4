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
		'membership.status': m.membership_status
	};
	return labels[field]?.() ?? field;
}
