/** Personal programmes and waiting lists (issue 6 §5–6). */

/** One delegate's published programme: their link and their calendar file's SEQUENCE. */
export interface PersonalProgrammeTable {
	id: string;
	forum_id: string;
	person_id: string;
	/** HMAC of the link token; the token is itself an HMAC of `id` under the instance secret. */
	token_digest: string;
	/** SEQUENCE of the calendar file: raised by every publication, so calendars update the events. */
	calendar_sequence: number;
	published_at: string;
	updated_at: string;
}

/** How many hours a waiting delegate has to accept an offered place, per forum (48 when absent). */
export interface WaitingListSettingTable {
	forum_id: string;
	offer_hours: number;
	updated_at: string;
}

export const WAITING_STATUSES = ['waiting', 'offered', 'accepted', 'declined', 'expired'] as const;
export type WaitingStatus = (typeof WAITING_STATUSES)[number];

/** A delegate waiting on a visit they ranked and did not get. */
export interface WaitingListEntryTable {
	forum_id: string;
	person_id: string;
	programme_item_id: string;
	preference_rank: number;
	registered_at: string;
	status: WaitingStatus;
	offered_at: string | null;
	offer_expires_at: string | null;
	answered_at: string | null;
	created_at: string;
}

export interface PersonalProgrammeTables {
	personal_programme: PersonalProgrammeTable;
	waiting_list_setting: WaitingListSettingTable;
	waiting_list_entry: WaitingListEntryTable;
}
