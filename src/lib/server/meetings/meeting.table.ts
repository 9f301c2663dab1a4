/** How a meeting is held (issue 4 §1). */
export const MEETING_FORMATS = ['video', 'in_person', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/** Draft while written; published once members may read it (issue 4 §6). */
export const MEETING_STATUSES = ['draft', 'published'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCES = ['present', 'excused', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export const RESPONSES = ['attending', 'not-attending'] as const;
export type InvitationResponse = (typeof RESPONSES)[number];

export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface MeetingTable {
	id: string;
	group_id: string;
	title_fr: string;
	title_ko: string;
	/** UTC instants (ISO 8601); null while an imported meeting waits for its date. */
	starts_at: string | null;
	ends_at: string | null;
	/** The IANA zone the meeting was scheduled in (default Europe/Paris). */
	timezone: string;
	format: MeetingFormat;
	video_link: string | null;
	place: string | null;
	status: MeetingStatus;
	original_language: 'fr' | 'ko';
	previous_meeting_id: string | null;
	/** RFC 5545 SEQUENCE: incremented when time or place changes, so calendars update the event. */
	calendar_sequence: number;
	/** SHA-256 of an imported document's text, to detect a second import. */
	source_hash: string | null;
	created_at: string;
	updated_at: string;
	published_at: string | null;
}

export interface MeetingParticipantTable {
	meeting_id: string;
	person_id: string;
	invited_at: string | null;
	response: InvitationResponse | null;
	responded_at: string | null;
	attendance: Attendance | null;
}

export interface AgendaItemTable {
	id: string;
	meeting_id: string;
	position: number;
	title_fr: string;
	title_ko: string;
	presenter_person_id: string | null;
}

export interface InterventionTable {
	id: string;
	agenda_item_id: string;
	position: number;
	/** A person of the directory, or null with speaker_name for one not in it. */
	speaker_person_id: string | null;
	speaker_name: string;
	/** Shown instead of the title the speaker held on the meeting's day, when the writer says so. */
	speaker_title_override: string | null;
	/** Shown instead of the organisation the speaker belonged to on the meeting's day, when the writer says so. */
	speaker_organisation_override: string | null;
	text_fr: string;
	text_ko: string;
}

export interface DecisionTable {
	id: string;
	agenda_item_id: string;
	position: number;
	text_fr: string;
	text_ko: string;
}

export interface ActionItemTable {
	id: string;
	group_id: string;
	meeting_id: string;
	agenda_item_id: string | null;
	description_fr: string;
	description_ko: string;
	owner_person_id: string | null;
	owner_organisation_id: string | null;
	/** Local date YYYY-MM-DD in the meeting's zone. */
	due_on: string | null;
	status: ActionStatus;
	/** 1, 2, 3… within the meeting: the order the actions were written in, kept on every page. */
	position: number;
	created_at: string;
	updated_at: string;
}

/** Text an import did not recognise: kept verbatim with the minutes and flagged, never dropped. */
export interface MinutesUnrecognisedTable {
	id: string;
	meeting_id: string;
	position: number;
	text: string;
}

/** Every published state of the minutes, with who and when (issue 4 §6). */
export interface MinutesVersionTable {
	id: string;
	meeting_id: string;
	version: number;
	/** JSON of the whole minutes as they were. */
	snapshot: string;
	author_user_id: string | null;
	at: string;
}

export interface MeetingTables {
	meeting: MeetingTable;
	meeting_participant: MeetingParticipantTable;
	agenda_item: AgendaItemTable;
	intervention: InterventionTable;
	decision: DecisionTable;
	action_item: ActionItemTable;
	minutes_unrecognised: MinutesUnrecognisedTable;
	minutes_version: MinutesVersionTable;
}
