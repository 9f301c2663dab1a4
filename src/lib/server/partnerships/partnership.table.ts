/** Kinds of partnership (issue 3 §5), from the most to the least binding. */
export const PARTNERSHIP_KINDS = ['twinning', 'cooperation-agreement', 'friendship-protocol', 'letter-of-intent'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

/** A partnership's life, in order; each change is kept as a dated event (the timeline). */
export const PARTNERSHIP_STATUSES = ['idea', 'negotiation', 'signed', 'active', 'dormant', 'ended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

/** A partnership between a French organisation and a foreign one (or one still to be identified). */
export interface PartnershipTable {
	id: string;
	group_id: string;
	french_organisation_id: string;
	/** Null while the partner is "to be identified": only its country and region are known. */
	foreign_organisation_id: string | null;
	foreign_country_code: string;
	foreign_region: string | null;
	kind: PartnershipKind;
	/** The status of the latest event of the timeline, kept here for lists, the map and search. */
	status: PartnershipStatus;
	description_fr: string;
	description_ko: string;
	/** Where the facts come from (press, official sites), one per line. */
	sources: string;
	/** 0 when the sources leave a doubt (a date, a status): shown as "unverified". */
	verified: number;
	created_at: string;
	updated_at: string;
	/** Kept by the repository from both sides' names and the region (search-keys.ts). */
	search_text: string;
	search_initials: string;
}

export interface PartnershipStatusEventTable {
	id: string;
	partnership_id: string;
	status: PartnershipStatus;
	/** A local date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD. */
	on_date: string;
	note: string;
	recorded_by: string | null;
	recorded_at: string;
}

export interface PartnershipThemeTable {
	partnership_id: string;
	theme_key: string;
}

export interface PartnershipTables {
	partnership: PartnershipTable;
	partnership_status_event: PartnershipStatusEventTable;
	partnership_theme: PartnershipThemeTable;
}
