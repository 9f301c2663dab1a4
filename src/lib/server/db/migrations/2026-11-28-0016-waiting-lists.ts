import type { Kysely } from 'kysely';

/**
 * Personal programmes and waiting lists (issue 6 §5–6). `personal_programme`: one row per delegate
 * of a published forum, with the digest of their personal programme link (the token itself is an
 * HMAC of the row id, so it can be written again in every later e-mail) and the SEQUENCE of their
 * calendar file. `waiting_list_entry`: a delegate waiting on a visit they ranked and did not get;
 * its primary key makes a second entry (and so a second offer) for the same place impossible.
 * `waiting_list_setting`: how long an offer stays open, per forum.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('personal_programme')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forum.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('token_digest', 'text', (c) => c.notNull().unique())
		.addColumn('calendar_sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('published_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('personal_programme_person_unique', ['forum_id', 'person_id'])
		.execute();

	await db.schema
		.createTable('waiting_list_setting')
		.addColumn('forum_id', 'text', (c) => c.primaryKey().references('forum.id').onDelete('cascade'))
		.addColumn('offer_hours', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('waiting_list_entry')
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forum.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('programme_item_id', 'text', (c) => c.notNull().references('programme_item.id').onDelete('cascade'))
		// The visit's place in the delegate's preferences (1 = first choice): the queue's first key.
		.addColumn('preference_rank', 'integer', (c) => c.notNull())
		// When the delegate's organisation registered: the queue's second key.
		.addColumn('registered_at', 'text', (c) => c.notNull())
		// 'waiting' | 'offered' | 'accepted' | 'declined' | 'expired'
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('offered_at', 'text')
		.addColumn('offer_expires_at', 'text')
		.addColumn('answered_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('waiting_list_entry_pk', ['forum_id', 'person_id', 'programme_item_id'])
		.execute();
	await db.schema.createIndex('waiting_list_entry_item_idx').on('waiting_list_entry').columns(['programme_item_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('waiting_list_entry').execute();
	await db.schema.dropTable('waiting_list_setting').execute();
	await db.schema.dropTable('personal_programme').execute();
}
