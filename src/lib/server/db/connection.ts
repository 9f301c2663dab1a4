/**
 * Opens Dari's database: embedded SQLite by default, PostgreSQL when the location is a
 * postgres:// URL. Both go through the same Kysely interface; nothing above this file knows which.
 */
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { isPostgresLocation } from '../config/config';
import type { Database, DatabaseDialect } from './database';

export interface DatabaseHandle {
	db: Kysely<Database>;
	dialect: DatabaseDialect;
	/** Where it is, without any password, for messages. */
	description: string;
	close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

/** Opens the database and proves it answers; throws DatabaseUnavailableError with a plain message. */
export async function openDatabase(location: string): Promise<DatabaseHandle> {
	const handle = isPostgresLocation(location) ? openPostgres(location) : openSqlite(location);
	try {
		await sql`select 1`.execute(handle.db);
		if (handle.dialect === 'sqlite') await sql`pragma schema_version`.execute(handle.db);
	} catch (error) {
		await handle.close().catch(() => {});
		throw new DatabaseUnavailableError(
			`Cannot use the database at ${handle.description}: ${(error as Error).message}`
		);
	}
	return handle;
}

function openSqlite(path: string): DatabaseHandle {
	let connection: SQLite.Database;
	try {
		connection = new SQLite(path);
		// WAL lets readers go on while one writer writes; busy_timeout waits for a lock instead of failing
		// (5 s: longer than any write transaction of Dari); foreign keys are off by default in SQLite.
		connection.pragma('journal_mode = WAL');
		connection.pragma('busy_timeout = 5000');
		connection.pragma('foreign_keys = ON');
		connection.pragma('synchronous = NORMAL');
	} catch (error) {
		throw new DatabaseUnavailableError(`Cannot open the SQLite database ${path}: ${(error as Error).message}`);
	}
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
	return { db, dialect: 'sqlite', description: path, close: () => db.destroy() };
}

function openPostgres(url: string): DatabaseHandle {
	const pool = new pg.Pool({
		connectionString: url,
		// 10 connections per process: PostgreSQL's default max_connections (100) then serves ~10 processes.
		max: 10,
		connectionTimeoutMillis: 5000,
		// No JIT: Dari's queries are short, and PostgreSQL compiled one it over-estimated (a 2-letter
		// Korean search against a trigram index) for 330 ms to run it in 20 (bench/directory-search.ts).
		options: '-c jit=off'
	});
	pool.on('error', () => {
		// An idle client lost its server; the pool replaces it on next use. Nothing to do here.
	});
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	return { db, dialect: 'postgres', description: redactUrl(url), close: () => db.destroy() };
}

function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'postgres://…';
	}
}
