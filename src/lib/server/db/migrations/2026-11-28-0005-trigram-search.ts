import { sql, type Kysely } from 'kysely';

/**
 * On PostgreSQL, trigram indexes (pg_trgm) let `search_text LIKE '%word%'` use an index instead
 * of reading every row (bench/directory-search.ts). pg_trgm ships with PostgreSQL and is a
 * trusted extension since version 13, so a database owner may create it; where it cannot be
 * created, search still works, by a full scan. SQLite needs nothing: its scan is fast enough.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const dialect = db.getExecutor().adapter.constructor.name;
	if (!dialect.startsWith('Postgres')) return;
	const available = await sql<{ name: string }>`select name from pg_available_extensions where name = 'pg_trgm'`.execute(db);
	if (available.rows.length === 0) return;
	try {
		await sql`savepoint dari_trigram`.execute(db);
		await sql`create extension if not exists pg_trgm`.execute(db);
		await sql`release savepoint dari_trigram`.execute(db);
	} catch {
		await sql`rollback to savepoint dari_trigram`.execute(db);
		return;
	}
	await sql`create index if not exists organisation_search_text_trgm on organisation using gin (search_text gin_trgm_ops)`.execute(db);
	await sql`create index if not exists person_search_text_trgm on person using gin (search_text gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index if exists person_search_text_trgm`.execute(db);
	await sql`drop index if exists organisation_search_text_trgm`.execute(db);
}
