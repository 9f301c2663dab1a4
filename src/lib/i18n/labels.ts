import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';

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
		ministry: m.kind_ministry,
		embassy: m.kind_embassy
	};
	return (names[kind] ?? m.kind_other)();
}

export function countryName(code: string): string {
	const names: Record<string, () => string> = { FR: m.country_FR, KR: m.country_KR, JP: m.country_JP };
	return names[code]?.() ?? code;
}
