import type { Kysely } from 'kysely';

/**
 * On SQLite, indexes in the order search results are listed, holding both search keys (text and
 * initial consonants): a search
 * then walks one narrow index in order and stops at the 25th match, instead of reading every row
 * and sorting the matches (people: 8 → 1–6 ms at 50,000; bench/directory-search.ts). PostgreSQL
 * has its trigram indexes (0005, 0006) and a planner that would pick these for rare words and walk
 * them whole, so they are SQLite's only.
 */
export async function up(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter.constructor.name.startsWith('Postgres')) return;
	await db.schema
		.createIndex('person_search_order_idx')
		.on('person')
		.columns(['family_name', 'given_name', 'id', 'search_text', 'search_initials', 'organisation_id'])
		.execute();
	await db.schema.createIndex('partnership_search_order_idx').on('partnership').columns(['group_id', 'search_text', 'id', 'search_initials']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter.constructor.name.startsWith('Postgres')) return;
	await db.schema.dropIndex('partnership_search_order_idx').execute();
	await db.schema.dropIndex('person_search_order_idx').execute();
}
