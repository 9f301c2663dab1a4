import { sql, type Kysely } from 'kysely';

/**
 * Partnerships register (issue 3 §5), good practices library (§6), uploaded files (documents of a
 * partnership, photos of a practice) and a group's president (§1).
 *
 * Files are kept in the database, not on disk: several Dari processes share one PostgreSQL, and a
 * partnership saved with its document must be saved completely or not at all (one transaction).
 * Limits (schema files) keep them small: 10 MB per file.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const isPostgres = db.getExecutor().adapter.constructor.name.startsWith('Postgres');
	const binary = sql.raw(isPostgres ? 'bytea' : 'blob');

	await db.schema.alterTable('country_group').addColumn('president_person_id', 'text').execute();

	await db.schema
		.createTable('partnership')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('group_id', 'text', (c) => c.notNull().references('country_group.id').onDelete('cascade'))
		.addColumn('french_organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		// Null while the partner is "to be identified": then only its country and region are known.
		.addColumn('foreign_organisation_id', 'text', (c) => c.references('organisation.id').onDelete('set null'))
		.addColumn('foreign_country_code', 'text', (c) => c.notNull())
		.addColumn('foreign_region', 'text')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('description_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('description_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('sources', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('verified', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('search_initials', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema.createIndex('partnership_group_idx').on('partnership').columns(['group_id', 'status']).execute();
	await db.schema.createIndex('partnership_french_idx').on('partnership').column('french_organisation_id').execute();
	await db.schema.createIndex('partnership_foreign_idx').on('partnership').column('foreign_organisation_id').execute();

	await db.schema
		.createTable('partnership_status_event')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('partnership_id', 'text', (c) => c.notNull().references('partnership.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull())
		// A local date, as precise as known: YYYY, YYYY-MM or YYYY-MM-DD ("2023, month uncertain").
		.addColumn('on_date', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('recorded_by', 'text')
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('partnership_status_event_idx').on('partnership_status_event').columns(['partnership_id', 'on_date']).execute();

	await db.schema
		.createTable('partnership_theme')
		.addColumn('partnership_id', 'text', (c) => c.notNull().references('partnership.id').onDelete('cascade'))
		.addColumn('theme_key', 'text', (c) => c.notNull().references('theme.key'))
		.addPrimaryKeyConstraint('partnership_theme_pk', ['partnership_id', 'theme_key'])
		.execute();

	await db.schema
		.createTable('good_practice')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('group_id', 'text', (c) => c.notNull().references('country_group.id').onDelete('cascade'))
		.addColumn('country_code', 'text', (c) => c.notNull())
		.addColumn('title_fr', 'text', (c) => c.notNull())
		.addColumn('title_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('title_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('summary_fr', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('summary_ko', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('summary_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('search_initials', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema.createIndex('good_practice_group_idx').on('good_practice').columns(['group_id', 'country_code']).execute();

	await db.schema
		.createTable('good_practice_organisation')
		.addColumn('good_practice_id', 'text', (c) => c.notNull().references('good_practice.id').onDelete('cascade'))
		.addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('good_practice_organisation_pk', ['good_practice_id', 'organisation_id'])
		.execute();
	await db.schema.createIndex('good_practice_organisation_idx').on('good_practice_organisation').column('organisation_id').execute();

	await db.schema
		.createTable('good_practice_theme')
		.addColumn('good_practice_id', 'text', (c) => c.notNull().references('good_practice.id').onDelete('cascade'))
		.addColumn('theme_key', 'text', (c) => c.notNull().references('theme.key'))
		.addPrimaryKeyConstraint('good_practice_theme_pk', ['good_practice_id', 'theme_key'])
		.execute();

	await db.schema
		.createTable('good_practice_link')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('good_practice_id', 'text', (c) => c.notNull().references('good_practice.id').onDelete('cascade'))
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('position', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('good_practice_link_idx').on('good_practice_link').column('good_practice_id').execute();

	await db.schema
		.createTable('stored_file')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('group_id', 'text', (c) => c.notNull().references('country_group.id').onDelete('cascade'))
		// 'partnership' (documents) or 'good-practice' (photos); the owner's id in owner_id.
		.addColumn('owner_type', 'text', (c) => c.notNull())
		.addColumn('owner_id', 'text', (c) => c.notNull())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('media_type', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('content', binary as any, (c) => c.notNull())
		.addColumn('uploaded_by', 'text')
		.addColumn('uploaded_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('stored_file_owner_idx').on('stored_file').columns(['owner_type', 'owner_id']).execute();

	if (isPostgres) {
		const trigram = await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`.execute(db);
		if ((trigram.rows[0]?.n ?? 0) > 0) {
			await sql`create index if not exists partnership_search_text_trgm on partnership using gin (search_text gin_trgm_ops)`.execute(db);
			await sql`create index if not exists good_practice_search_text_trgm on good_practice using gin (search_text gin_trgm_ops)`.execute(db);
		}
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['stored_file', 'good_practice_link', 'good_practice_theme', 'good_practice_organisation', 'good_practice', 'partnership_theme', 'partnership_status_event', 'partnership']) {
		await db.schema.dropTable(table).execute();
	}
	await db.schema.alterTable('country_group').dropColumn('president_person_id').execute();
}
