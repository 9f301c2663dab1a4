/**
 * The database the server would use, opened for one command: same environment (readConfig), same
 * opening code (openDatabase), and nothing else of the server: no outbox sender, no clean-up timer.
 */
import { databaseLocation, loadSecret, readConfig, type DariConfig } from '../lib/server/config/config';
import { isPostgresLocation, openDatabase, type DatabaseHandle } from '../lib/server/db/connection';
import { migrateToLatest } from '../lib/server/db/migrations/index';
import { systemClock } from '../lib/server/shared/clock';
import type { ServiceContext } from '../lib/server/shared/context';
import { CommandFailure, oneLine, type CommandOutput } from './command-line';

export interface ConfiguredDatabase {
	config: DariConfig;
	/** A SQLite file path, or a postgres:// URL (with its password: never print it). */
	location: string;
	kind: 'sqlite' | 'postgres';
}

export function locateConfiguredDatabase(): ConfiguredDatabase {
	const config = readConfig();
	const location = databaseLocation(config);
	return { config, location, kind: isPostgresLocation(location) ? 'postgres' : 'sqlite' };
}

/** Opens the configured database, runs `work`, and closes it whatever happens. */
export async function withConfiguredDatabase<T>(
	work: (database: DatabaseHandle, configured: ConfiguredDatabase) => Promise<T>
): Promise<T> {
	const configured = locateConfiguredDatabase();
	const database = await openDatabase(configured.location);
	try {
		return await work(database, configured);
	} finally {
		await database.close();
	}
}

/** What service functions need; the secret is the server's own (DARI_SECRET or DATA_DIR/secret). */
export function commandContext(database: DatabaseHandle, config: DariConfig): ServiceContext {
	return { db: database.db, secret: loadSecret(config), clock: systemClock };
}

/** Applies the migrations not applied yet, a line each; returns their names. */
export async function applyMigrations(database: DatabaseHandle, output: CommandOutput): Promise<string[]> {
	let applied: string[];
	try {
		const result = await migrateToLatest(database.db);
		applied = (result.results ?? []).filter((migration) => migration.status === 'Success').map((migration) => migration.migrationName);
	} catch (error) {
		throw new CommandFailure(`migration failed on ${database.description}: ${oneLine(String((error as Error)?.message ?? error))}`);
	}
	for (const name of applied) output.out(`Applied migration ${name}`);
	return applied;
}
