/**
 * The database the server would use, opened for one command: same environment (readConfig), same
 * opening code (openDatabase), and nothing else of the server: no outbox sender, no clean-up timer.
 */
import { loadSecret, type DariConfig } from '../lib/server/config/config';
import { DatabaseUnavailableError, openDatabase, type DatabaseHandle } from '../lib/server/db/connection';
import { migrateToLatest } from '../lib/server/db/migrations/index';
import { systemClock } from '../lib/server/shared/clock';
import type { ServiceContext } from '../lib/server/shared/context';
import { CommandFailure, oneLine, type CommandOutput } from './command-line';
import { locateDatabase, type DatabaseLocation } from './database-location';

/** Opens the configured database, runs `work`, and closes it whatever happens. */
export async function withConfiguredDatabase<T>(
	work: (database: DatabaseHandle, located: DatabaseLocation) => Promise<T>
): Promise<T> {
	const located = locateDatabase();
	const database = await openOrExplain(located.location);
	try {
		return await work(database, located);
	} finally {
		await database.close();
	}
}

/** openDatabase, its refusal ("Cannot use the database at …: file is not a database") as the command's failure. */
export async function openOrExplain(location: string): Promise<DatabaseHandle> {
	try {
		return await openDatabase(location);
	} catch (error) {
		if (error instanceof DatabaseUnavailableError) throw new CommandFailure(error.message);
		throw error;
	}
}

/** What service functions need; the secret is the server's own (DARI_SECRET or DATA_DIR/secret). */
export function commandContext(database: DatabaseHandle, config: DariConfig): ServiceContext {
	return { db: database.db, secret: loadSecret(config), clock: systemClock };
}

/** Applies the migrations not applied yet; returns their names. */
export async function migrateDatabase(database: DatabaseHandle): Promise<string[]> {
	try {
		const result = await migrateToLatest(database.db);
		return (result.results ?? []).filter((migration) => migration.status === 'Success').map((migration) => migration.migrationName);
	} catch (error) {
		throw new CommandFailure(`migration failed on ${database.description}: ${oneLine(String((error as Error)?.message ?? error))}`);
	}
}

/** migrateDatabase, printing a line per migration applied. */
export async function applyMigrations(database: DatabaseHandle, output: CommandOutput): Promise<string[]> {
	const applied = await migrateDatabase(database);
	for (const name of applied) output.out(`Applied migration ${name}`);
	return applied;
}
