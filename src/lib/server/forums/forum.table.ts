/** Where a forum edition stands (issue 5 §1), in the order it goes through. */
export const FORUM_STATUSES = ['idea', 'choosing-dates', 'registrations-open', 'programme-published', 'held', 'report'] as const;
export type ForumStatus = (typeof FORUM_STATUSES)[number];

/** Kinds of programme items (issue 5 §2). Field visits carry a capacity (issue 6). */
export const PROGRAMME_ITEM_KINDS = ['welcome', 'institutional-meeting', 'seminar', 'field-visit', 'meal', 'transport'] as const;
export type ProgrammeItemKind = (typeof PROGRAMME_ITEM_KINDS)[number];

export interface ForumTable {
	id: string;
	group_id: string;
	number: number;
	title_fr: string;
	title_ko: string;
	theme_fr: string;
	theme_ko: string;
	/** ISO 3166-1 alpha-2 of the host country. */
	host_country: string;
	/** IANA zone of the host: the programme is written and shown in it. */
	host_timezone: string;
	/** Local dates (YYYY-MM-DD) in host_timezone; null until chosen. */
	starts_on: string | null;
	ends_on: string | null;
	status: ForumStatus;
	description_fr: string;
	description_ko: string;
	report_fr: string;
	report_ko: string;
	created_at: string;
	updated_at: string;
}

export interface ForumHostOrganisationTable {
	forum_id: string;
	organisation_id: string;
	position: number;
}

export interface ForumPlaceTable {
	id: string;
	forum_id: string;
	position: number;
	name_fr: string;
	name_ko: string;
	organisation_id: string | null;
}

export interface ProgrammeItemTable {
	id: string;
	forum_id: string;
	kind: ProgrammeItemKind;
	title_fr: string;
	title_ko: string;
	description_fr: string;
	description_ko: string;
	host_organisation_id: string | null;
	place: string | null;
	/** UTC instants (ISO 8601). */
	starts_at: string;
	ends_at: string;
	capacity: number | null;
	created_at: string;
	updated_at: string;
}

export interface ProgrammeItemThemeTable {
	programme_item_id: string;
	theme_key: string;
}

export interface ForumTables {
	forum: ForumTable;
	forum_host_organisation: ForumHostOrganisationTable;
	forum_place: ForumPlaceTable;
	programme_item: ProgrammeItemTable;
	programme_item_theme: ProgrammeItemThemeTable;
}
