/** Registrations of interest, reminders and personal links (issue 5 §5–6). */

export const INTERESTS = ['yes', 'maybe', 'no'] as const;
export type Interest = (typeof INTERESTS)[number];

/** A forum's registrations: the deadline and when reminders go out. */
export interface RegistrationRoundTable {
	forum_id: string;
	/** UTC instant (ISO 8601). */
	deadline_at: string;
	/** IANA zone the deadline was written in. */
	deadline_timezone: string;
	/** JSON array of days before the deadline, e.g. "[7,2]". */
	reminder_days: string;
	opened_at: string;
	updated_at: string;
}

/** One organisation's registration of interest for one forum. */
export interface RegistrationTable {
	id: string;
	forum_id: string;
	organisation_id: string;
	interest: Interest;
	head_person_id: string | null;
	needs_interpretation: number;
	needs_diet: string;
	needs_access: string;
	expectations: string;
	/** Incremented by every save; a save from an older version is a conflict. */
	version: number;
	created_at: string;
	updated_at: string;
}

export interface RegistrationDelegateTable {
	id: string;
	registration_id: string;
	person_id: string;
	position: number;
}

/** Exactly one of theme_key and programme_item_id is set. Rank 1 is the first choice. */
export interface RegistrationPreferenceTable {
	delegate_id: string;
	rank: number;
	theme_key: string | null;
	programme_item_id: string | null;
}

export interface RegistrationReminderTable {
	forum_id: string;
	organisation_id: string;
	days_before: number;
	sent_at: string;
}

/** A signed, expiring link for a person without an account (issue 5 §6). */
export interface PersonalLinkTable {
	id: string;
	token_digest: string;
	person_id: string;
	organisation_id: string;
	forum_id: string;
	created_at: string;
	expires_at: string;
	last_used_at: string | null;
}

export interface RegistrationTables {
	registration_round: RegistrationRoundTable;
	registration: RegistrationTable;
	registration_delegate: RegistrationDelegateTable;
	registration_preference: RegistrationPreferenceTable;
	registration_reminder: RegistrationReminderTable;
	personal_link: PersonalLinkTable;
}
