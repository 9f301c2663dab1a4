import type { Kysely } from 'kysely';

/**
 * Every change to the directory is recorded (issue 3 §11: who, when, what) in the same transaction
 * as the change, and shown on the record's history. People get a phone number.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('change_log')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.references('user_account.id').onDelete('set null'))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		/** JSON: { field: [before, after] } for updates, { field: value } for creations. */
		.addColumn('changes', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('change_log_entity_idx').on('change_log').columns(['entity_type', 'entity_id', 'at']).execute();
	await db.schema.alterTable('person').addColumn('phone', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('person').dropColumn('phone').execute();
	await db.schema.dropTable('change_log').execute();
}
