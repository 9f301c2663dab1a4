import type { Kysely } from 'kysely';

/**
 * Registrations of interest, reminders and personal links (issue 5 §5–6): the "confirm your
 * interest before 15 March" step of the reference minutes. A forum opens its registrations with a
 * deadline (a UTC instant and the zone it was written in) and a reminder schedule; each
 * organisation has one registration (interest, delegation with its head, each delegate's ranked
 * visit preferences, needs, expectations) under a version number so that two people of the same
 * organisation saving at once never overwrite each other; each automatic reminder is recorded
 * once per forum, organisation and step, before its e-mail is queued; personal links let a person
 * without an account fill their organisation's registration.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('registration_round')
		.addColumn('forum_id', 'text', (c) => c.primaryKey().references('forum.id').onDelete('cascade'))
		// UTC instant, and the IANA zone the coordinator wrote it in ("15 March 2024 23:59, Paris").
		.addColumn('deadline_at', 'text', (c) => c.notNull())
		.addColumn('deadline_timezone', 'text', (c) => c.notNull())
		// JSON array of whole days before the deadline, largest first: [7, 2] by default (issue 5 §5).
		.addColumn('reminder_days', 'text', (c) => c.notNull())
		.addColumn('opened_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('registration')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forum.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		// 'yes' | 'no' | 'maybe'
		.addColumn('interest', 'text', (c) => c.notNull())
		.addColumn('head_person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
		// 1 when the delegation needs French–Korean interpretation.
		.addColumn('needs_interpretation', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('needs_diet', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('needs_access', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('expectations', 'text', (c) => c.notNull().defaultTo(''))
		// Optimistic concurrency: a save names the version it was read at; only one save per version wins.
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('registration_forum_organisation_unique', ['forum_id', 'organisation_id'])
		.execute();

	await db.schema
		.createTable('registration_delegate')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('registration_id', 'text', (c) => c.notNull().references('registration.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addUniqueConstraint('registration_delegate_person_unique', ['registration_id', 'person_id'])
		.execute();

	// A delegate's visit preferences, best first (rank 1): a theme, or one field visit of the programme.
	await db.schema
		.createTable('registration_preference')
		.addColumn('delegate_id', 'text', (c) => c.notNull().references('registration_delegate.id').onDelete('cascade'))
		.addColumn('rank', 'integer', (c) => c.notNull())
		.addColumn('theme_key', 'text', (c) => c.references('theme.key').onDelete('cascade'))
		.addColumn('programme_item_id', 'text', (c) => c.references('programme_item.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('registration_preference_pk', ['delegate_id', 'rank'])
		.execute();

	// Each automatic reminder once: the row is inserted first, in the transaction that queues its e-mails.
	await db.schema
		.createTable('registration_reminder')
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forum.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('days_before', 'integer', (c) => c.notNull())
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('registration_reminder_pk', ['forum_id', 'organisation_id', 'days_before'])
		.execute();

	await db.schema
		.createTable('personal_link')
		.addColumn('id', 'text', (c) => c.primaryKey())
		// HMAC of the token under the instance secret: the token itself is only in the e-mail.
		.addColumn('token_digest', 'text', (c) => c.notNull().unique())
		.addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forum.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text')
		.execute();
	await db.schema.createIndex('personal_link_forum_idx').on('personal_link').columns(['forum_id', 'organisation_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['personal_link', 'registration_reminder', 'registration_preference', 'registration_delegate', 'registration', 'registration_round']) {
		await db.schema.dropTable(table).execute();
	}
}
