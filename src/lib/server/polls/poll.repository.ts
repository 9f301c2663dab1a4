/** All SQL of forums' date polls and theme consultations (issue 5 §3–4). */
import type { Executor } from '../db/database';
import { isPostgres } from '../meetings/meeting.repository';
import type {
	ConsultationThemeAnswerTable,
	DatePollChoice,
	DatePollOptionTable,
	DatePollTable,
	ThemeConsultationTable
} from './poll.table';

export type DatePollRow = DatePollTable;
export type DatePollOptionRow = DatePollOptionTable;
export type ThemeConsultationRow = ThemeConsultationTable;

export async function findDatePollOfForum(db: Executor, forumId: string): Promise<DatePollRow | undefined> {
	return db.selectFrom('date_poll').selectAll().where('forum_id', '=', forumId).executeTakeFirst();
}

/**
 * Locks a poll's row until the end of the transaction (PostgreSQL, FOR UPDATE), so that an answer
 * and the closing take turns: an answer is either in before the close or refused. SQLite runs one
 * writing transaction at a time.
 */
export async function lockDatePoll(db: Executor, id: string): Promise<DatePollRow | undefined> {
	const query = db.selectFrom('date_poll').selectAll().where('id', '=', id);
	return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
}

export async function insertDatePoll(db: Executor, row: DatePollRow): Promise<void> {
	await db.insertInto('date_poll').values(row).execute();
}

export async function updateDatePoll(db: Executor, id: string, changes: Partial<Omit<DatePollRow, 'id' | 'forum_id' | 'created_at'>>): Promise<void> {
	await db.updateTable('date_poll').set(changes).where('id', '=', id).execute();
}

/** A poll's options, the coordinator's first choice first. */
export async function listDatePollOptions(db: Executor, pollId: string): Promise<DatePollOptionRow[]> {
	return db.selectFrom('date_poll_option').selectAll().where('poll_id', '=', pollId).orderBy('rank').orderBy('starts_on').orderBy('id').execute();
}

export async function insertDatePollOption(db: Executor, row: DatePollOptionRow): Promise<void> {
	await db.insertInto('date_poll_option').values(row).execute();
}

export async function updateDatePollOption(
	db: Executor,
	id: string,
	changes: Partial<Pick<DatePollOptionRow, 'rank' | 'starts_on' | 'ends_on' | 'reason_fr' | 'reason_ko'>>
): Promise<void> {
	await db.updateTable('date_poll_option').set(changes).where('id', '=', id).execute();
}

export async function deleteDatePollOption(db: Executor, id: string): Promise<void> {
	await db.deleteFrom('date_poll_option').where('id', '=', id).execute();
}

/**
 * The organisations that answer a group's polls and consultations: its active members (the
 * authorities taking part in the forum), by French name. Partners (ministry, embassy, the
 * associations running the group) organise it and are not asked.
 */
export async function listRespondentOrganisations(db: Executor, groupId: string) {
	return db
		.selectFrom('organisation')
		.innerJoin('group_membership', 'group_membership.organisation_id', 'organisation.id')
		.select(['organisation.id', 'organisation.name_fr', 'organisation.name_ko', 'organisation.name_en'])
		.where('group_membership.group_id', '=', groupId)
		.where('group_membership.status', '=', 'active')
		.where('group_membership.capacity', '=', 'member')
		.orderBy('organisation.name_fr')
		.orderBy('organisation.id')
		.execute();
}

/** Every organisation's answer to a poll, with who gave it. */
export async function listDatePollAnswers(db: Executor, pollId: string) {
	return db
		.selectFrom('date_poll_answer')
		.leftJoin('person', 'person.id', 'date_poll_answer.answered_by_person_id')
		.leftJoin('user_account', 'user_account.id', 'date_poll_answer.answered_by_user_id')
		.select([
			'date_poll_answer.organisation_id',
			'date_poll_answer.comment',
			'date_poll_answer.answered_at',
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'user_account.name as account_name'
		])
		.where('date_poll_answer.poll_id', '=', pollId)
		.execute();
}

export async function listDatePollChoices(db: Executor, pollId: string) {
	return db.selectFrom('date_poll_choice').select(['organisation_id', 'option_id', 'choice']).where('poll_id', '=', pollId).execute();
}

/**
 * Writes an organisation's answer, replacing the one it had: one answer per organisation, whoever
 * of its people gives it.
 */
export async function replaceDatePollAnswer(
	db: Executor,
	answer: { pollId: string; organisationId: string; comment: string; userId: string | null; personId: string | null; at: string },
	choices: { optionId: string; choice: DatePollChoice }[]
): Promise<void> {
	const columns = { comment: answer.comment, answered_by_user_id: answer.userId, answered_by_person_id: answer.personId, answered_at: answer.at };
	await db
		.insertInto('date_poll_answer')
		.values({ poll_id: answer.pollId, organisation_id: answer.organisationId, ...columns })
		.onConflict((conflict) => conflict.columns(['poll_id', 'organisation_id']).doUpdateSet(columns))
		.execute();
	await db.deleteFrom('date_poll_choice').where('poll_id', '=', answer.pollId).where('organisation_id', '=', answer.organisationId).execute();
	if (choices.length === 0) return;
	await db
		.insertInto('date_poll_choice')
		.values(choices.map((choice) => ({ poll_id: answer.pollId, organisation_id: answer.organisationId, option_id: choice.optionId, choice: choice.choice })))
		.execute();
}

export async function findConsultationOfForum(db: Executor, forumId: string): Promise<ThemeConsultationRow | undefined> {
	return db.selectFrom('theme_consultation').selectAll().where('forum_id', '=', forumId).executeTakeFirst();
}

export async function insertConsultation(db: Executor, row: ThemeConsultationRow): Promise<void> {
	await db.insertInto('theme_consultation').values(row).execute();
}

export async function updateConsultation(
	db: Executor,
	id: string,
	changes: Partial<Pick<ThemeConsultationRow, 'summary_published_at' | 'summary_note_fr' | 'summary_note_ko' | 'updated_at'>>
): Promise<void> {
	await db.updateTable('theme_consultation').set(changes).where('id', '=', id).execute();
}

/** The themes a consultation asks about, in the coordinator's order, with their labels. */
export async function listConsultationThemes(db: Executor, consultationId: string) {
	return db
		.selectFrom('consultation_theme')
		.innerJoin('theme', 'theme.key', 'consultation_theme.theme_key')
		.select(['consultation_theme.theme_key', 'consultation_theme.position', 'consultation_theme.appreciated', 'theme.label_fr', 'theme.label_ko', 'theme.label_en'])
		.where('consultation_theme.consultation_id', '=', consultationId)
		.orderBy('consultation_theme.position')
		.orderBy('consultation_theme.theme_key')
		.execute();
}

export async function insertConsultationTheme(db: Executor, consultationId: string, themeKey: string, position: number): Promise<void> {
	await db.insertInto('consultation_theme').values({ consultation_id: consultationId, theme_key: themeKey, position, appreciated: 0 }).execute();
}

/** Takes a theme off a consultation, with what organisations said of it. */
export async function deleteConsultationTheme(db: Executor, consultationId: string, themeKey: string): Promise<void> {
	await db.deleteFrom('consultation_theme_answer').where('consultation_id', '=', consultationId).where('theme_key', '=', themeKey).execute();
	await db.deleteFrom('consultation_theme').where('consultation_id', '=', consultationId).where('theme_key', '=', themeKey).execute();
}

/** Marks exactly the given themes as "most appreciated" (the others not). */
export async function setAppreciatedThemes(db: Executor, consultationId: string, themeKeys: string[]): Promise<void> {
	await db.updateTable('consultation_theme').set({ appreciated: 0 }).where('consultation_id', '=', consultationId).execute();
	if (themeKeys.length === 0) return;
	await db.updateTable('consultation_theme').set({ appreciated: 1 }).where('consultation_id', '=', consultationId).where('theme_key', 'in', themeKeys).execute();
}

/** A theme of the shared list (issue 3 §7) added from a consultation, after the existing ones. */
export async function insertTheme(db: Executor, theme: { key: string; fr: string; ko: string; en: string }): Promise<void> {
	const last = await db.selectFrom('theme').select((eb) => eb.fn.max('position').as('position')).executeTakeFirst();
	await db
		.insertInto('theme')
		.values({ key: theme.key, label_fr: theme.fr, label_ko: theme.ko, label_en: theme.en, position: Number(last?.position ?? -1) + 1 })
		.execute();
}

export async function listConsultationAnswers(db: Executor, consultationId: string) {
	return db
		.selectFrom('consultation_answer')
		.select(['organisation_id', 'answered_at'])
		.where('consultation_id', '=', consultationId)
		.execute();
}

export async function listConsultationThemeAnswers(db: Executor, consultationId: string): Promise<ConsultationThemeAnswerTable[]> {
	return db.selectFrom('consultation_theme_answer').selectAll().where('consultation_id', '=', consultationId).execute();
}

/** Writes an organisation's answer to a consultation, replacing the one it had. */
export async function replaceConsultationAnswer(
	db: Executor,
	answer: { consultationId: string; organisationId: string; userId: string | null; personId: string | null; at: string },
	themes: { themeKey: string; approved: boolean; rank: number | null }[]
): Promise<void> {
	const columns = { answered_by_user_id: answer.userId, answered_by_person_id: answer.personId, answered_at: answer.at };
	await db
		.insertInto('consultation_answer')
		.values({ consultation_id: answer.consultationId, organisation_id: answer.organisationId, ...columns })
		.onConflict((conflict) => conflict.columns(['consultation_id', 'organisation_id']).doUpdateSet(columns))
		.execute();
	await db
		.deleteFrom('consultation_theme_answer')
		.where('consultation_id', '=', answer.consultationId)
		.where('organisation_id', '=', answer.organisationId)
		.execute();
	if (themes.length === 0) return;
	await db
		.insertInto('consultation_theme_answer')
		.values(
			themes.map((theme) => ({
				consultation_id: answer.consultationId,
				organisation_id: answer.organisationId,
				theme_key: theme.themeKey,
				approved: theme.approved ? 1 : 0,
				rank: theme.rank
			}))
		)
		.execute();
}
