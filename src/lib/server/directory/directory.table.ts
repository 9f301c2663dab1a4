export type Language = 'fr' | 'ko' | 'en';

export interface CountryGroupTable {
	id: string;
	slug: string;
	/** ISO 3166-1 alpha-2 code of the partner country. */
	country_code: string;
	name_fr: string;
	name_ko: string;
	name_en: string;
	description_fr: string;
	description_ko: string;
	description_en: string;
	created_at: string;
	/** The person who presides the group (issue 3 §1), from the directory. */
	president_person_id: string | null;
	/** IANA zone of the group's meetings unless said otherwise, and of imported times without one (issue 4 §1). */
	default_timezone: string;
}

export interface OrganisationTable {
	id: string;
	kind: string;
	country_code: string;
	name_fr: string;
	name_ko: string | null;
	name_en: string | null;
	website: string | null;
	created_at: string;
	/** 'insee', 'siren', 'iso-3166-2' or 'kr-local' (Dari's code for Korean basic-level governments). */
	official_code_scheme: string | null;
	official_code: string | null;
	/** name_fr through normalizeName(): how duplicates are found. */
	normalized_name: string;
	departement_code: string | null;
	region_code: string | null;
	region_name: string | null;
	population: number | null;
	address: string | null;
	latitude: number | null;
	longitude: number | null;
	/** Kept by the repository from the names (search-keys.ts). */
	search_text: string;
	search_initials: string;
}

export interface ThemeTable {
	key: string;
	label_fr: string;
	label_ko: string;
	label_en: string;
	position: number;
}

export interface PersonTable {
	id: string;
	given_name: string;
	family_name: string;
	/** 'family-first' for Korean names ("KIM Hyoung Jin"), 'given-first' otherwise. */
	name_order: 'given-first' | 'family-first';
	email: string | null;
	phone: string | null;
	organisation_id: string | null;
	preferred_language: Language;
	/** 1 when the person agreed to appear in published participant lists. */
	public_listing_consent: number;
	created_at: string;
	/** Kept by the repository from the names and e-mail (search-keys.ts). */
	search_text: string;
	search_initials: string;
}

/** A title held from a date to a date, so documents show the title a person had on the day. */
export interface PersonTitleTable {
	id: string;
	person_id: string;
	title: string;
	/** Language the title was written in. */
	language: Language;
	valid_from: string | null;
	valid_to: string | null;
}

/**
 * The organisation a person belonged to from a day to a day (both included; null: open-ended), so
 * minutes show the organisation a speaker had on the meeting's day (issue 4 §3). Kept by the
 * repository whenever person.organisation_id changes.
 */
export interface PersonAffiliationTable {
	id: string;
	person_id: string;
	organisation_id: string;
	valid_from: string | null;
	valid_to: string | null;
}

/** An organisation's membership of a country group. */
export interface GroupMembershipTable {
	id: string;
	group_id: string;
	organisation_id: string;
	/** 'member' (a French authority of the group) or 'partner' (ministry, embassy, GAROK…). */
	capacity: 'member' | 'partner';
	since: string | null;
	status: 'active' | 'former';
}

/** Roles given to one account in one group, on top of what their organisation brings. */
export interface GroupRoleTable {
	user_id: string;
	group_id: string;
	role: 'coordinator' | 'partner' | 'member';
}

/** Who changed what in the directory, when (issue 3 §11). */
export interface ChangeLogTable {
	id: string;
	entity_type: 'organisation' | 'person' | 'partnership' | 'good-practice' | 'group' | 'meeting' | 'registration' | 'forum';
	entity_id: string;
	user_id: string | null;
	at: string;
	action: 'create' | 'update';
	/** JSON text: { field: [before, after] } for an update, { field: value } for a creation. */
	changes: string;
}

export interface DirectoryTables {
	change_log: ChangeLogTable;
	country_group: CountryGroupTable;
	organisation: OrganisationTable;
	person: PersonTable;
	person_title: PersonTitleTable;
	person_affiliation: PersonAffiliationTable;
	group_membership: GroupMembershipTable;
	group_role: GroupRoleTable;
	theme: ThemeTable;
}

/** Written by the repository from the names: callers never set them. */
type SearchColumns = 'search_text' | 'search_initials';
export type NewOrganisation = Omit<OrganisationTable, SearchColumns>;
export type NewPerson = Omit<PersonTable, SearchColumns>;
