/** Date polls and theme consultations of a forum edition (issue 5 §3–4). */

/** draft: options being written; open: members answer until closes_at; closed: an option was picked. */
export const DATE_POLL_STATUSES = ['draft', 'open', 'closed'] as const;
export type DatePollStatus = (typeof DATE_POLL_STATUSES)[number];

/** What an organisation says of one option, as in scheduling polls: yes, if need be, no. */
export const DATE_POLL_CHOICES = ['yes', 'if-need-be', 'no'] as const;
export type DatePollChoice = (typeof DATE_POLL_CHOICES)[number];

export interface DatePollTable {
	id: string;
	forum_id: string;
	status: DatePollStatus;
	/** UTC instant (ISO 8601) after which answers are refused; null while a draft has none yet. */
	closes_at: string | null;
	/** The IANA zone the closing time was typed in. */
	closes_timezone: string;
	include_alsace_moselle: number;
	opened_at: string | null;
	closed_at: string | null;
	closed_by_user_id: string | null;
	chosen_option_id: string | null;
	created_at: string;
	updated_at: string;
}

export interface DatePollOptionTable {
	id: string;
	poll_id: string;
	rank: number;
	/** Local dates (YYYY-MM-DD) in the forum's host zone. */
	starts_on: string;
	ends_on: string;
	reason_fr: string;
	reason_ko: string;
	created_at: string;
}

export interface DatePollAnswerTable {
	poll_id: string;
	organisation_id: string;
	comment: string;
	answered_by_user_id: string | null;
	answered_by_person_id: string | null;
	answered_at: string;
}

export interface DatePollChoiceTable {
	poll_id: string;
	organisation_id: string;
	option_id: string;
	choice: DatePollChoice;
}

export interface ThemeConsultationTable {
	id: string;
	forum_id: string;
	summary_published_at: string | null;
	summary_note_fr: string;
	summary_note_ko: string;
	created_at: string;
	updated_at: string;
}

export interface ConsultationThemeTable {
	consultation_id: string;
	theme_key: string;
	position: number;
	appreciated: number;
}

export interface ConsultationAnswerTable {
	consultation_id: string;
	organisation_id: string;
	answered_by_user_id: string | null;
	answered_by_person_id: string | null;
	answered_at: string;
}

export interface ConsultationThemeAnswerTable {
	consultation_id: string;
	organisation_id: string;
	theme_key: string;
	approved: number;
	rank: number | null;
}

export interface PollTables {
	date_poll: DatePollTable;
	date_poll_option: DatePollOptionTable;
	date_poll_answer: DatePollAnswerTable;
	date_poll_choice: DatePollChoiceTable;
	theme_consultation: ThemeConsultationTable;
	consultation_theme: ConsultationThemeTable;
	consultation_answer: ConsultationAnswerTable;
	consultation_theme_answer: ConsultationThemeAnswerTable;
}
