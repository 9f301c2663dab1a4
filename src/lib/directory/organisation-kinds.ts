/**
 * The organisation kinds and official-code schemes, for pages (the browser may import this file;
 * src/lib/server may not be). The server's zod schema is built from the same lists.
 */
export const FRENCH_AUTHORITY_KINDS = ['commune', 'epci', 'departement', 'region', 'collectivite-statut-particulier'] as const;
export const KOREAN_GOVERNMENT_KINDS = [
	'special-city',
	'metropolitan-city',
	'special-self-governing-city',
	'province',
	'special-self-governing-province',
	'si',
	'gun',
	'autonomous-gu'
] as const;
export const INSTITUTION_KINDS = ['ministry', 'embassy', 'association', 'agency', 'other'] as const;
export const ORGANISATION_KINDS = [...FRENCH_AUTHORITY_KINDS, ...KOREAN_GOVERNMENT_KINDS, ...INSTITUTION_KINDS] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const OFFICIAL_CODE_SCHEMES = ['insee', 'siren', 'insee-departement', 'insee-region', 'iso-3166-2', 'kr-local'] as const;
export type OfficialCodeScheme = (typeof OFFICIAL_CODE_SCHEMES)[number];
