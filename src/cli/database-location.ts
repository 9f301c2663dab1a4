/**
 * Where the server's database is, from the server's own configuration: without loading the
 * database drivers, so that `backup`, `restore` and mistakes on the command line answer at once.
 */
import { ConfigurationError, databaseLocation, isPostgresLocation, readConfig, type DariConfig } from '../lib/server/config/config';
import { CommandFailure } from './command-line';

export interface DatabaseLocation {
	config: DariConfig;
	/** A SQLite file path, or a postgres:// URL (with its password: never print it). */
	location: string;
	kind: 'sqlite' | 'postgres';
}

export function locateDatabase(): DatabaseLocation {
	let config: DariConfig;
	try {
		config = readConfig();
	} catch (error) {
		// "Invalid environment: PORT: …" says what to fix; it is not a fault of the command.
		if (error instanceof ConfigurationError) throw new CommandFailure(error.message);
		throw error;
	}
	const location = databaseLocation(config);
	return { config, location, kind: isPostgresLocation(location) ? 'postgres' : 'sqlite' };
}
