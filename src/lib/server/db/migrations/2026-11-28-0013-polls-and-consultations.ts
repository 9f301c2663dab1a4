import type { Kysely } from 'kysely';

/**
 * Date polls and theme consultations of a forum edition (issue 5 §3–4).
 *
 * A date poll (one per forum): options that are a day or a range of local dates in the forum's host
 * zone, ranked by the coordinator with a reason; a closing instant (UTC, with the zone it was typed
 * in); one answer per organisation (yes / if need be / no per option, and a comment), which any of
 * its people may change until the poll closes; who answered and when. Closing it picks an option.
 *
 * A theme consultation (one per forum): themes of the shared list; per organisation, approved or
 * not and a rank among the approved ones; a summary of the themes most appreciated, published by
 * the coordinator with a note.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('date_poll')
		.addColumn('id', 'text', (c) => c.primaryKey())
		// One poll per forum edition: the forum's dates are chosen once.
		.addColumn('forum_id', 'text', (c) => c.notNull().unique().references('forum.id').onDelete('cascade'))
		// draft (options being written) → open (members answer) → closed (an option was picked).
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		// UTC instant after which answers are refused, and the IANA zone the coordinator typed it in.
		.addColumn('closes_at', 'text')
		.addColumn('closes_timezone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
		// 1: the French holidays shown include Alsace-Moselle's (Good Friday, 26 December).
		.addColumn('include_alsace_moselle', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('opened_at', 'text')
		.addColumn('closed_at', 'text')
		.addColumn('closed_by_user_id', 'text', (c) => c.references('user_account.id').onDelete('set null'))
		// No foreign key: the option table refers to this one (PostgreSQL cannot create the cycle in
		// one go); the service only ever writes an option of this poll.
		.addColumn('chosen_option_id', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('date_poll_option')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('poll_id', 'text', (c) => c.notNull().references('date_poll.id').onDelete('cascade'))
		// The coordinator's ranking: 1 = first choice.
		.addColumn('rank', 'integer', (c) => c.notNull())
		// Local dates (YYYY-MM-DD) in the forum's host zone; a single day has starts_on = ends_on.
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text', (c) => c.notNull())
		// Why this rank ("after Chuseok"), in either language or both.
		.addColumn('reason_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('reason_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('date_poll_option_poll_idx').on('date_poll_option').columns(['poll_id', 'rank']).execute();

	await db.schema
		.createTable('date_poll_answer')
		.addColumn('poll_id', 'text', (c) => c.notNull().references('date_poll.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
		// Who gave the answer as it now stands: an account, and the person it stands for (a person
		// without an account answers through a personal link: then only the person).
		.addColumn('answered_by_user_id', 'text', (c) => c.references('user_account.id').onDelete('set null'))
		.addColumn('answered_by_person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('answered_at', 'text', (c) => c.notNull())
		// One answer per organisation: any of its people changes that one.
		.addPrimaryKeyConstraint('date_poll_answer_pk', ['poll_id', 'organisation_id'])
		.execute();

	await db.schema
		.createTable('date_poll_choice')
		.addColumn('poll_id', 'text', (c) => c.notNull().references('date_poll.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull())
		.addColumn('option_id', 'text', (c) => c.notNull().references('date_poll_option.id').onDelete('cascade'))
		// 'yes' | 'if-need-be' | 'no'
		.addColumn('choice', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('date_poll_choice_pk', ['option_id', 'organisation_id'])
		.addForeignKeyConstraint('date_poll_choice_answer_fk', ['poll_id', 'organisation_id'], 'date_poll_answer', ['poll_id', 'organisation_id'], (c) =>
			c.onDelete('cascade')
		)
		.execute();

	await db.schema
		.createTable('theme_consultation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('forum_id', 'text', (c) => c.notNull().unique().references('forum.id').onDelete('cascade'))
		// Publishing the summary closes the consultation: the published themes no longer move.
		.addColumn('summary_published_at', 'text')
		.addColumn('summary_note_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('summary_note_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('consultation_theme')
		.addColumn('consultation_id', 'text', (c) => c.notNull().references('theme_consultation.id').onDelete('cascade'))
		.addColumn('theme_key', 'text', (c) => c.notNull().references('theme.key').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		// 1: among the "themes most appreciated" of the published summary.
		.addColumn('appreciated', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('consultation_theme_pk', ['consultation_id', 'theme_key'])
		.execute();

	await db.schema
		.createTable('consultation_answer')
		.addColumn('consultation_id', 'text', (c) => c.notNull().references('theme_consultation.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('answered_by_user_id', 'text', (c) => c.references('user_account.id').onDelete('set null'))
		.addColumn('answered_by_person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('answered_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('consultation_answer_pk', ['consultation_id', 'organisation_id'])
		.execute();

	await db.schema
		.createTable('consultation_theme_answer')
		.addColumn('consultation_id', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'text', (c) => c.notNull())
		.addColumn('theme_key', 'text', (c) => c.notNull().references('theme.key').onDelete('cascade'))
		.addColumn('approved', 'integer', (c) => c.notNull())
		// 1 = the organisation's favourite among the themes it approved; null when not approved.
		.addColumn('rank', 'integer')
		.addPrimaryKeyConstraint('consultation_theme_answer_pk', ['consultation_id', 'organisation_id', 'theme_key'])
		.addForeignKeyConstraint(
			'consultation_theme_answer_answer_fk',
			['consultation_id', 'organisation_id'],
			'consultation_answer',
			['consultation_id', 'organisation_id'],
			(c) => c.onDelete('cascade')
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['consultation_theme_answer', 'consultation_answer', 'consultation_theme', 'theme_consultation', 'date_poll_choice', 'date_poll_answer', 'date_poll_option', 'date_poll']) {
		await db.schema.dropTable(table).execute();
	}
}
