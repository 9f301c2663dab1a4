import type { Kysely } from 'kysely';

/**
 * Programme consolidation (issue 6 §1–§5): the last computed assignment of a forum's delegates to
 * its field visits, and each delegate's visits. A delegate is a person (registration_delegate rows
 * are recreated when a registration is saved, people stay). Locks (decided beforehand, or a move
 * by hand) are rows with locked = 1: a new computation replaces the computed rows and keeps them.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('visit_assignment_run')
		.addColumn('forum_id', 'text', (c) => c.primaryKey().references('forum.id').onDelete('cascade'))
		.addColumn('computed_at', 'text', (c) => c.notNull())
		.addColumn('computed_by_user_id', 'text', (c) => c.references('user_account.id').onDelete('set null'))
		// JSON object of the optional rules switched on: {"keepDelegationsTogether":true,...}.
		.addColumn('options', 'text', (c) => c.notNull())
		.addColumn('filled', 'integer', (c) => c.notNull())
		.addColumn('rank_sum', 'integer', (c) => c.notNull())
		.addColumn('published_at', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('visit_assignment')
		.addColumn('forum_id', 'text', (c) => c.notNull().references('forum.id').onDelete('cascade'))
		.addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('programme_item_id', 'text', (c) => c.notNull().references('programme_item.id').onDelete('cascade'))
		// Position of the visit in the delegate's preferences; null for a lock on a visit they did not rank.
		.addColumn('rank', 'integer')
		.addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('lock_reason', 'text')
		// 'computed' | 'lock' | 'move' | 'waiting-list'
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('visit_assignment_pk', ['forum_id', 'person_id', 'programme_item_id'])
		.execute();
	await db.schema.createIndex('visit_assignment_item_idx').on('visit_assignment').columns(['programme_item_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('visit_assignment').execute();
	await db.schema.dropTable('visit_assignment_run').execute();
}
