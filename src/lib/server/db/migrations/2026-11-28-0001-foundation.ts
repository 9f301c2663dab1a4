import type { Kysely } from 'kysely';

/**
 * Portable schema: text ids, ISO-8601 UTC instants as text (they sort), local dates as text
 * (YYYY-MM-DD), flags as integers. The same statements run on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('country_group')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('country_code', 'text', (c) => c.notNull())
		.addColumn('name_fr', 'text', (c) => c.notNull())
		.addColumn('name_ko', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('description_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('organisation')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('country_code', 'text', (c) => c.notNull())
		.addColumn('name_fr', 'text', (c) => c.notNull())
		.addColumn('name_ko', 'text')
		.addColumn('name_en', 'text')
		.addColumn('website', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('person')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('given_name', 'text', (c) => c.notNull())
		.addColumn('family_name', 'text', (c) => c.notNull())
		.addColumn('name_order', 'text', (c) => c.notNull().defaultTo('given-first'))
		.addColumn('email', 'text')
		.addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
		.addColumn('preferred_language', 'text', (c) => c.notNull().defaultTo('fr'))
		.addColumn('public_listing_consent', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('person_organisation_idx').on('person').column('organisation_id').execute();

	await db.schema
		.createTable('person_title')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.notNull().defaultTo('fr'))
		.addColumn('valid_from', 'text')
		.addColumn('valid_to', 'text')
		.execute();
	await db.schema.createIndex('person_title_person_idx').on('person_title').column('person_id').execute();

	await db.schema
		.createTable('group_membership')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('group_id', 'text', (c) => c.notNull().references('country_group.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addColumn('capacity', 'text', (c) => c.notNull().defaultTo('member'))
		.addColumn('since', 'text')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
		.addUniqueConstraint('group_membership_group_organisation_unique', ['group_id', 'organisation_id'])
		.execute();
	await db.schema
		.createIndex('group_membership_organisation_idx')
		.on('group_membership')
		.column('organisation_id')
		.execute();

	await db.schema
		.createTable('user_account')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('preferred_language', 'text', (c) => c.notNull().defaultTo('fr'))
		.addColumn('password_hash', 'text')
		.addColumn('is_administrator', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('person_id', 'text', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('email_verified_at', 'text')
		.execute();

	await db.schema
		.createTable('group_role')
		.addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
		.addColumn('group_id', 'text', (c) => c.notNull().references('country_group.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('group_role_pk', ['user_id', 'group_id'])
		.execute();

	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

	await db.schema
		.createTable('login_token')
		.addColumn('token_digest', 'text', (c) => c.primaryKey())
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addColumn('redirect_to', 'text')
		.execute();

	await db.schema
		.createTable('rate_limit')
		.addColumn('bucket', 'text', (c) => c.notNull())
		.addColumn('window_start', 'text', (c) => c.notNull())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_limit_pk', ['bucket', 'window_start'])
		.execute();

	await db.schema
		.createTable('outbox')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('message_id', 'text', (c) => c.notNull().unique())
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('html_body', 'text')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'text', (c) => c.notNull())
		.addColumn('locked_until', 'text')
		.addColumn('locked_by', 'text')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.execute();
	await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'outbox',
		'rate_limit',
		'login_token',
		'session',
		'group_role',
		'user_account',
		'group_membership',
		'person_title',
		'person',
		'organisation',
		'country_group'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
